package dev.wxpay.processor.writing.kotlin;

/** A Kotlin source file: its package, its name without {@code .kt}, and its text. */
public record KotlinFile(String packageName, String name, String text) {}

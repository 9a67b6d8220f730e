// The user project's test ran (Surefire found JUnit 5) and the build printed no warning but one that
// kotlin-maven-plugin causes itself: its compile goal adds kapt's output folders, which its kapt goal has
// already added, so kotlinc names each generated .kt file twice ("Duplicate source root").
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
def warnings = log.readLines().findAll { it.startsWith('[WARNING]') }
    .findAll { !(it ==~ /\[WARNING\] Duplicate source root: .*\/generated-sources\/kaptKotlin\/compile\/.*\.kt/) }
assert warnings.isEmpty() : warnings.join('\n')

// The user project's test ran (Surefire found JUnit 5) and the build printed no warning.
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
def warnings = log.readLines().findAll { it.startsWith('[WARNING]') }
assert warnings.isEmpty() : warnings.join('\n')

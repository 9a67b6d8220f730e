// The Spring Boot user project's tests ran against the sandbox and the build printed no warning.
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')
def warnings = log.readLines().findAll { it.startsWith('[WARNING]') }
assert warnings.isEmpty() : warnings.join('\n')

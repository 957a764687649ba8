// Build 1 (released) installed dev.newsfeed.api as 1.0.0; build 2 (changed: one more public type, @Version still
// 1.0.0, bundle 1.1.0) must have failed in the bnd baseline, on the package and only on it (invoker.properties).
def logs = []
// build.log holds both builds; skip anything under the builds' own target folders
basedir.eachFileRecurse { f ->
    def relative = basedir.toPath().relativize(f.toPath()).toString()
    if (f.name.endsWith('.log') && !relative.contains('target/')) logs << f
}
def log = logs.collect { it.getText('UTF-8') }.join('\n')
assert log.contains('BUILD FAILURE') : "no failed build in ${logs*.name}"
assert log.contains('bnd-baseline-maven-plugin') && log.contains('Baseline problems detected') : "not failed by the baseline: ${logs*.name}"
assert log =~ /\* dev\.newsfeed\.api +PACKAGE +MINOR +1\.0\.0 +1\.0\.0 +1\.1\.0/ : 'the baseline did not ask dev.newsfeed.api for 1.1.0'
assert log.contains('ADDED          CLASS      dev.newsfeed.api.AddedType')
assert !(log =~ /\* newsfeed-api-baseline +BUNDLE/) : 'the bundle version was wrong too: the check would not prove the package rule'
println "${basedir.name}: failed as expected: dev.newsfeed.api MINOR change (AddedType), @Version 1.0.0, suggested 1.1.0"
return true

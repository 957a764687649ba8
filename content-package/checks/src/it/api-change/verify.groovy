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
// whatever @Version the package has now (x.y.0), unchanged by the added type: the baseline must ask for x.(y+1).0
def m = log =~ /\* dev\.newsfeed\.api +PACKAGE +MINOR +(\d+)\.(\d+)\.0 +(\d+)\.(\d+)\.0 +(\d+)\.(\d+)\.0/
assert m.find() : 'the baseline did not report a MINOR change of dev.newsfeed.api'
def (major, minor) = [m.group(1) as int, m.group(2) as int]
assert [m.group(3) as int, m.group(4) as int] == [major, minor] : "@Version changed: ${m.group(0)}"
assert [m.group(5) as int, m.group(6) as int] == [major, minor + 1] : "not the next minor suggested: ${m.group(0)}"
assert log.contains('ADDED          CLASS      dev.newsfeed.api.AddedType')
assert !(log =~ /\* newsfeed-api-baseline +BUNDLE/) : 'the bundle version was wrong too: the check would not prove the package rule'
println "${basedir.name}: failed as expected: dev.newsfeed.api MINOR change (AddedType), @Version ${major}.${minor}.0, suggested ${major}.${minor + 1}.0"
return true

// The build must have failed for this reason (invoker.properties: the build must fail).
def log = new File(basedir, 'build.log').getText('UTF-8')
def expected = [
    "Package of type 'APPLICATION' is not supposed to contain content outside root nodes",
    "JCR node path: /content/newsfeed-broken",
    "validator: jackrabbit-packagetype",
]
expected.each { assert log.contains(it) : "build.log of ${basedir.name} lacks: " + it }
assert log.contains('BUILD FAILURE')
println "${basedir.name}: failed as expected: " + expected.join(' | ')
return true

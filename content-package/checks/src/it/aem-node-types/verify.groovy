// The build must have failed for this reason (invoker.properties: the build must fail): the value constraint of
// cq:EditConfig comes from AEM's node types (aem.cnd), which the parent gives jackrabbit-nodetypes.
def log = new File(basedir, 'build.log').getText('UTF-8')
def expected = [
    "Property 'cq:dialogMode' [String] is not allowed in node with types [cq:EditConfig]: Value constraint violation: 'popup'",
    "validator: jackrabbit-nodetypes",
]
expected.each { assert log.contains(it) : "build.log of ${basedir.name} lacks: " + it }
assert log.contains('BUILD FAILURE')
println "${basedir.name}: failed as expected: " + expected.join(' | ')
return true

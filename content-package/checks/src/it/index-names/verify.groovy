// The build must have failed for this reason (invoker.properties: the build must fail).
def log = new File(basedir, 'build.log').getText('UTF-8')
def expected = [
    "All Oak index definition node names must end with '-custom-<integer>' but found name '{}newsfeedArticles'",
    "Only oak:QueryIndexDefinitions of type='lucene' are supported in AEMaaCS but found type='property'",
]
expected.each { assert log.contains(it) : "build.log of ${basedir.name} lacks: " + it }
assert log.contains('BUILD FAILURE')
println "${basedir.name}: failed as expected: " + expected.join(' | ')
return true

# Sourced by the benchmark scripts: builds the generator bundle (bench/) when missing or older than its sources,
# installs it into the running instance at $1 and waits until its servlet answers.
install_generator() { # BASE_URL
    local jar code
    jar=$(ls bench/target/newsfeed-bench-*.jar 2>/dev/null | head -1 || true)
    if [[ -z $jar || -n $(find bench/src bench/pom.xml -newer "$jar" 2>/dev/null | head -1) ]]; then
        mvn -B -q -pl bench -am package -DskipTests
        jar=$(ls bench/target/newsfeed-bench-*.jar | head -1)
    fi
    curl -fsS -o /dev/null -u admin:admin -F action=install -F bundlestart=start -F bundlestartlevel=20 \
        -F "bundlefile=@$jar" "$1/system/console/bundles"
    for _ in $(seq 1 60); do   # the generator answers once its servlet is registered
        code=$(curl -s -o /dev/null -w '%{http_code}' -u admin:admin -X POST "$1/content/newsfeed/day.generate.json?count=0")
        [[ $code == 200 ]] && break; sleep 1
    done
}

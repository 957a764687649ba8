#!/usr/bin/env bash
# Lints docs/openapi.yaml with Spectral (`spectral:oas`, .spectral.yaml) and Redocly CLI (`recommended-strict`,
# redocly.yaml), at the versions pinned in package.json and package-lock.json. Installs them into node_modules with
# `npm ci` when it is missing or older than the lock file. Fails on any error or warning of either.
# Run by the build (root pom.xml, phase verify; -Dopenapi.lint.skip=true or -DskipTests skip it), or by hand.
# Needs Node.js 20.19+ (or 22.12+) and npm: Debian's `nodejs npm`, or what .ci/run installs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# nothing is sent anywhere: no usage data, no update checks
export SCARF_ANALYTICS=false REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true NO_UPDATE_NOTIFIER=1

die() {
    echo "openapi-lint: $*" >&2
    exit 1
}
command -v node >/dev/null && command -v npm >/dev/null \
    || die "Node.js and npm are needed to lint docs/openapi.yaml (Debian: apt-get install nodejs npm); skip with -Dopenapi.lint.skip=true"
node -e '
const [major, minor] = process.versions.node.split(".").map(Number);
process.exit((major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major > 22 ? 0 : 1);
' || die "Node.js $(node --version) is too old for Redocly CLI: 20.19+ or 22.12+ is needed; skip with -Dopenapi.lint.skip=true"

if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
    echo "openapi-lint: npm ci (the linters of package-lock.json, into node_modules)"
    npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
fi

version() { node -p "require('./node_modules/$1/package.json').version"; }
echo "openapi-lint: Spectral $(version @stoplight/spectral-cli) (spectral:oas)"
node_modules/.bin/spectral lint --fail-severity=warn docs/openapi.yaml
echo "openapi-lint: Redocly CLI $(version @redocly/cli) (recommended-strict)"
# (without the boxed notice Redocly CLI prints on Node.js 20; the pipeline fails when Redocly does)
node_modules/.bin/redocly lint docs/openapi.yaml 2>&1 | { grep -v '[║╔╚]' | cat -s || true; }

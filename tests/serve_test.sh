#!/usr/bin/env bash
# `escc serve` as a reader's browser and a hostile client meet it: raw requests for
# files outside the folder (.., absolute, percent- and double-encoded, a link out of
# the folder) are refused; a protocol deleted while served, a half-written file and a
# client gone mid-stream do not stop it; Ctrl-C stops it cleanly; and in Debian's
# Chromium (tests/browser/serve_test.mjs) a saved edit, an error and its fix reach the
# open page without a reload.
# Usage: serve_test.sh path/to/escc repository-root build-dir
set -euo pipefail
escc=$1
root=$2
build=$3
work=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
export no_proxy='*' NO_PROXY='*'
failures=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }

mkdir -p "$work/site" "$work/outside"
cp "$root"/protocols/merton.esc "$root"/protocols/barnet.esc "$work/site/"
cp -r "$root/protocols/sources" "$work/site/"
echo 'the secret beside the folder' > "$work/outside/secret.txt"
cp "$root/protocols/merton.esc" "$work/outside/elsewhere.esc"
ln -s "$work/outside/elsewhere.esc" "$work/site/linked.esc"
ln -s "$work/outside" "$work/site/out"

"$escc" serve --port 0 "$work/site" >"$work/log" 2>&1 &
server=$!
for _ in $(seq 100); do grep -q 'serving' "$work/log" && break; sleep 0.1; done
port=$(grep -o '127\.0\.0\.1:[0-9]*' "$work/log" | head -1 | cut -d: -f2)
[ -n "$port" ] || { cat "$work/log"; echo "FAIL escc serve did not start"; exit 1; }
url="http://127.0.0.1:$port"
grep -q 'not serving .*linked.esc: it is a link to a file outside' "$work/log" || fail "the link out of the folder is named as not served"

status() { curl -s --path-as-is -o "$work/body" -w '%{http_code}' "$url$1"; }
for path in / /index.html /merton.html /barnet.html; do
  [ "$(status "$path")" = 200 ] || fail "$path is served"
done
for path in /../outside/secret.txt /../../../../etc/passwd '/%2e%2e/outside/secret.txt' '/..%2foutside%2fsecret.txt' \
  '/%252e%252e%252foutside%252fsecret.txt' '/%25252e%25252e/etc/passwd' "/$work/outside/secret.txt" \
  "//$work/outside/secret.txt" '/out/secret.txt' '/out%2fsecret.txt' '/sources/barnet.txt' '/merton.esc' \
  '/linked.html' '/.%2e/etc/passwd' '/..\outside\secret.txt' '/%5c..%5coutside'; do
  code=$(status "$path")
  [ "$code" = 403 ] || [ "$code" = 404 ] || fail "$path is refused (got $code)"
  if grep -q 'secret beside\|root:' "$work/body"; then fail "$path served a file outside the folder"; fi
done
# A raw request line, as no client library would send it.
raw=$(printf 'GET /../outside/secret.txt HTTP/1.0\r\n\r\n' | timeout 5 bash -c "exec 3<>/dev/tcp/127.0.0.1/$port; cat >&3; cat <&3" || true)
case $raw in *"403"*) ;; *) fail "a raw request for ../ is refused" ;; esac

# A client gone mid-stream, a half-written file and a deleted protocol.
timeout 1 curl -sN "$url/events" >/dev/null || true
printf 'protocol "Half' > "$work/site/half.esc"
sleep 0.5
[ "$(status /half.html)" = 200 ] && grep -q 'has errors' "$work/body" || fail "a half-written protocol shows its errors"
rm "$work/site/half.esc" "$work/site/barnet.esc"
sleep 0.5
[ "$(status /barnet.html)" = 404 ] || fail "a deleted protocol is no longer served"
[ "$(status /merton.html)" = 200 ] || fail "escc serve still serves after a deletion"

# A page says which build it shows, and a stream asked for the builds after an older one
# reports the newer at once: a save made while a page is loading is not missed.
shown=$(curl -s "$url/merton.html" | grep -o 'data-escc-build="[0-9]*"' | grep -o '[0-9][0-9]*' || true)
if [ -z "$shown" ]; then
  fail "a page says which build it shows"
else
  timeout 2 curl -sN "$url/events?since=$((shown - 1))" >"$work/stream" || true
  grep -q "^data: $shown\$" "$work/stream" || fail "a stream reports a build made before it opened"
  timeout 2 curl -sN "$url/events?since=$shown" >"$work/stream" || true
  if grep -q '^data:' "$work/stream"; then fail "a stream from the build shown reports no build"; fi
fi

node "$root/tests/browser/serve_test.mjs" "$url" "$work/site" "$build/browser/node_modules" || fail "the browser test"

kill -INT "$server"
code=0
wait "$server" || code=$?
server=
[ "$code" = 0 ] || fail "Ctrl-C stops escc serve cleanly (exit $code)"
grep -q 'escc: stopped' "$work/log" || fail "escc serve says it stopped"
echo "serve: $failures failed"
[ "$failures" = 0 ]

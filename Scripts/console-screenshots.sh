#!/usr/bin/env bash
# Screenshots of every page of the back-office console, taken by headless Chromium, for a human to look at.
#
# Usage: Scripts/console-screenshots.sh [OUT_DIR]   (default: console-screenshots/; needs `swift build` first)
#
# It builds a demo archive with Examples/demo.sh, adds a console user, starts `airlock-unpack serve` on a free
# port, signs in with curl (GET /login for the CSRF token, POST /login), and hands the session cookie to
# Chromium through a tiny local proxy that adds it to each request: Chromium has no flag that sets a cookie.
# There is no test-only login in the console. Needs: chromium (apt-get install -y chromium), curl, python3,
# and a CJK font for readable names (apt-get install -y fonts-noto-cjk or fonts-wqy-zenhei).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$(mkdir -p "${1:-console-screenshots}" && cd "${1:-console-screenshots}" && pwd)"
bin="${BIN:-$(cd "$root" && swift build --show-bin-path)}"
unpack="$bin/airlock-unpack"
chromium="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
[ -x "$unpack" ] || { echo "no $unpack: run 'swift build' first" >&2; exit 1; }
[ -n "$chromium" ] || { echo "no chromium: apt-get install -y chromium" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/airlock-screens.XXXXXX")"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

echo "building a demo archive (Examples/demo.sh)…"
"$root/Examples/demo.sh" "$bin" > "$work/demo.log" 2>&1
demo="$(sed -n 's/^Airlock demo in //p' "$work/demo.log" | head -1)"
store="$demo/offline/archive"
password="screenshot password, not for real use"
AIRLOCK_PASSWORD="$password" "$unpack" users add demo --store "$store" > /dev/null

"$unpack" serve --store "$store" --port 0 2> "$work/serve.log" &
pids+=($!)
for _ in $(seq 100); do grep -q 'http://127.0.0.1:' "$work/serve.log" 2>/dev/null && break; sleep 0.1; done
base="$(grep -o 'http://127.0.0.1:[0-9]*' "$work/serve.log" | head -1)"
[ -n "$base" ] || { cat "$work/serve.log" >&2; exit 1; }
echo "console at $base"

# Sign in as a browser would: the login page sets the CSRF cookie and repeats the token in the form.
jar="$work/cookies"
csrf="$(curl -fsS -c "$jar" "$base/login" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)"
curl -fsS -b "$jar" -c "$jar" -o /dev/null -H "Origin: $base" \
    --data-urlencode "csrf=$csrf" --data-urlencode "user=demo" --data-urlencode "password=$password" "$base/login"
session="$(awk '$6 == "airlock_session" { print $7 }' "$jar")"
[ -n "$session" ] || { echo "login failed" >&2; exit 1; }

# The proxy: forwards Chromium's requests to the console only, with the session cookie added.
cat > "$work/proxy.py" <<'PY'
import http.client, http.server, sys, urllib.parse
target, cookie, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
host = urllib.parse.urlsplit(target).netloc
class Proxy(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        if url.netloc != host:
            self.send_error(502, "only the console"); return
        connection = http.client.HTTPConnection(host, timeout=30)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("cookie", "proxy-connection", "connection")}
        headers["Cookie"] = "airlock_session=" + cookie + "; airlock_lang=" + self.server.lang
        connection.request("GET", url.path + ("?" + url.query if url.query else ""), headers=headers)
        response = connection.getresponse()
        body = response.read()
        self.send_response(response.status)
        for k, v in response.getheaders():
            if k.lower() not in ("transfer-encoding", "connection", "content-length"): self.send_header(k, v)
        self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
    def log_message(self, *args): pass
server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Proxy)
server.lang = sys.argv[4]
server.serve_forever()
PY

shoot() {  # shoot NAME PATH LANG [HEIGHT]
    local port=$((20000 + RANDOM % 20000))
    python3 "$work/proxy.py" "$base" "$session" "$port" "$3" &
    local proxy=$!
    sleep 0.5
    "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="1366,${4:-900}" \
        --user-data-dir="$work/profile" --no-first-run --disable-extensions \
        --proxy-server="http://127.0.0.1:$port" --proxy-bypass-list='<-loopback>' \
        --screenshot="$out/$1.png" "$base$2" > /dev/null 2>&1 || true
    kill "$proxy" 2>/dev/null || true
    wait "$proxy" 2>/dev/null || true
    [ -s "$out/$1.png" ] && echo "  $out/$1.png" || echo "  $1: no screenshot" >&2
}

member="$(curl -fsS -b "$jar" "$base/members" | grep -o 'href="/members/[^"]*"' | head -1 | sed 's/href="//; s/"$//')"
order="$(curl -fsS -b "$jar" "$base/orders" | grep -o 'href="/orders/[^"]*"' | head -1 | sed 's/href="//; s/"$//')"
echo "screenshots:"
"$chromium" --headless --no-sandbox --disable-gpu --window-size=1366,900 --screenshot="$out/login.png" \
    --user-data-dir="$work/profile-anonymous" --proxy-bypass-list='<-loopback>' "$base/login" > /dev/null 2>&1 || true
[ -s "$out/login.png" ] && echo "  $out/login.png"
shoot dashboard / en
shoot members /members en
shoot members-filtered "/members?level=gold" ja
shoot member "$member" zh-Hant 1500
shoot orders /orders en
shoot order "$order" ja 1300
shoot months /months zh-Hant
shoot search "/search?q=%E5%B1%B1%E7%94%B0" en

#!/usr/bin/env bash
# Acceptance tests of the counter in real windows: the real konbini-pos under Xvfb with a window
# manager (openbox), real X key events (xdotool), checks on what is on screen (window titles, the
# voucher's QR code decoded with zbarimg) and in the ledger (sqlite3). The app talks to a
# standalone konbini-sandbox so a test can take Stripe away and bring it back.
#   counter.sh KONBINI_POS KONBINI_SANDBOX SCREENSHOT_DIR
# Screenshots of every step stay in SCREENSHOT_DIR when a scenario fails (all of them with
# KONBINI_KEEP_SCREENS=1). Exit 77: tools missing.
set -uo pipefail

app=$1
sandbox=$2
screens=$3

for tool in Xvfb openbox xdotool import zbarimg sqlite3 dbus-run-session; do
    command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed (scripts/setup.sh test installs it)"; exit 77; }
done

work=$(mktemp -d)
failures=0
scenario=""
step=0
sandbox_pid=""
app_pid=""
xvfb_pid=""
wm_pid=""
starts=0

cleanup() {
    if [ -n "${KONBINI_KEEP_SCREENS:-}" ]; then mkdir -p "$screens" && cp "$work"/screens/*.png "$screens/" 2>/dev/null; fi
    [ -n "$app_pid" ] && kill -9 "$app_pid" 2>/dev/null
    [ -n "$sandbox_pid" ] && kill "$sandbox_pid" 2>/dev/null
    [ -n "$wm_pid" ] && kill "$wm_pid" 2>/dev/null
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
    wait 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

# A free display and a free port.
display=""
for n in $(seq 90 140); do
    if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then display=":$n"; break; fi
done
[ -n "$display" ] || { echo "no free X display"; exit 1; }
export DISPLAY=$display
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
openbox >"$work/openbox.log" 2>&1 &
wm_pid=$!
port=$(( 20000 + RANDOM % 20000 ))

shot() { # the screen now, numbered within the scenario
    step=$((step + 1))
    import -window root "$work/screens/$scenario-$(printf %02d $step)-$1.png" 2>/dev/null
}

fail() {
    echo "FAIL [$scenario]: $*"
    shot failure
    mkdir -p "$screens"
    cp "$work/screens/$scenario"-*.png "$screens/" 2>/dev/null
    cp "$work/app-$scenario.log" "$screens/$scenario-app.log" 2>/dev/null
    cp "$work/app-$scenario.stacks" "$screens/$scenario-app-stacks.txt" 2>/dev/null
    echo "      screenshots: $screens/$scenario-*.png"
    failures=$((failures + 1))
    return 1
}

# Waits (at most $2 s) for a window whose title contains $1.
wait_window() {
    timeout "${2:-20}" xdotool search --sync --onlyvisible --name "$1" 2>/dev/null | head -1
}

start_sandbox() {
    "$sandbox" --port "$port" --state "$work/sandbox-$scenario.sqlite" >"$work/sandbox.log" 2>&1 &
    sandbox_pid=$!
    for _ in $(seq 100); do grep -q "listening" "$work/sandbox.log" 2>/dev/null && return 0; sleep 0.05; done
    return 1
}

stop_sandbox() {
    kill "$sandbox_pid" 2>/dev/null
    wait "$sandbox_pid" 2>/dev/null
    sandbox_pid=""
}

start_app() {
    local home="$work/home-$scenario"
    # A runtime directory of its own at each start: a keyring daemon left by a killed run must not
    # answer for the next one.
    starts=$((starts + 1))
    local runtime="$work/run-$starts"
    mkdir -p "$runtime" && chmod 700 "$runtime"
    XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" XDG_RUNTIME_DIR="$runtime" \
        LANG=ja_JP.UTF-8 \
        dbus-run-session -- "$app" --lang ja --api-base "http://127.0.0.1:$port" >>"$work/app-$scenario.log" 2>&1 &
    app_pid=$!
    main_window=$(wait_window "コンビニ決済POS" 30) || true
    [ -n "$main_window" ] || { app_stacks; fail "the main window did not appear"; return 1; }
    xdotool windowactivate --sync "$main_window" 2>/dev/null
    sleep 0.5
}

# For a failure report when a start never shows its window: where each of the app's threads is,
# or, when it is gone, how it ended; and the app's own log file.
app_stacks() {
    local pid status report="$work/app-$scenario.stacks"
    pid=$(pgrep -P "$app_pid" -f "^$app " | head -1)
    if [ -z "$pid" ]; then
        if kill -0 "$app_pid" 2>/dev/null; then
            echo "no app process under dbus-run-session (still running)" >"$report"
        else
            wait "$app_pid"; status=$?
            echo "the app has ended: dbus-run-session exited with status $status" >"$report"
        fi
    elif command -v gdb >/dev/null; then
        timeout 60 gdb -p "$pid" -batch -nx -ex "thread apply all bt 30" >"$report" 2>&1
    fi
    cat "$work/home-$scenario/data/KonbiniPOS/konbini-pos/konbini-pos.log" >>"$report" 2>/dev/null
}

kill_app() {
    pkill -9 -P "$app_pid" 2>/dev/null # the app under dbus-run-session
    kill -9 "$app_pid" 2>/dev/null
    wait "$app_pid" 2>/dev/null
    pkill -9 -f "^$app " 2>/dev/null
    app_pid=""
}

ledger() { # ledger SQL
    sqlite3 -readonly "$work/home-$scenario/data/KonbiniPOS/konbini-pos/ledger-external-sandbox.sqlite" "$1" 2>/dev/null
}

# Types a sale from the amount field on (ASCII only: xdotool drops CJK characters under load).
type_sale() { # amount name email phone
    xdotool key F2
    xdotool type --delay 40 "$1"; xdotool key Tab Tab
    xdotool type --delay 40 "$2"; xdotool key Tab
    xdotool type --delay 40 "$3"; xdotool key Tab
    xdotool type --delay 40 "$4"
}

begin() {
    scenario=$1
    step=0
    mkdir -p "$work/screens"
    echo "-- $scenario"
    start_sandbox || { fail "the sandbox did not start"; return 1; }
    start_app
}

end() {
    kill_app
    stop_sandbox
}

# 1. A sale from the keyboard alone; the voucher's QR code opens the sandbox's voucher page; the
#    Enter pressed again right after issuing does not close the voucher.
keyboard_sale() {
    begin keyboard-sale || { end; return; }
    type_sale 1500 "Yamada Hanako" "hanako@example.jp" "090-1234-5678"
    xdotool key Return            # in the phone field: on to the deadline
    xdotool key Return            # last field: issue
    local voucher
    voucher=$(wait_window "コンビニ払込票") || true
    [ -n "$voucher" ] || { fail "no voucher window after Enter"; end; return; }
    sleep 0.3
    xdotool key Return            # the double Enter
    sleep 1.2
    shot voucher
    xdotool search --onlyvisible --name "コンビニ払込票" >/dev/null || { fail "a second Enter closed the voucher"; end; return; }
    import -window "$voucher" "$work/voucher.png"
    local url
    url=$(zbarimg -q --raw "$work/voucher.png" 2>/dev/null | head -1)
    [[ "$url" == http://127.0.0.1:$port/konbini/voucher/* ]] || { fail "the QR code reads '$url'"; end; return; }
    [ "$(ledger "SELECT amount || ' ' || status FROM vouchers")" = "1500 pending" ] \
        || { fail "ledger: $(ledger 'SELECT amount, status FROM vouchers')"; end; return; }
    xdotool key Return            # after the guard: next customer
    sleep 1
    xdotool search --onlyvisible --name "コンビニ払込票" >/dev/null && { fail "Enter after a second did not close the voucher"; end; return; }
    shot next-customer
    end
}

# 2. Stripe unreachable: the sale fails, focus is on 発行 and Enter there retries the same sale
#    once Stripe is back (one PaymentIntent).
enter_retries_after_error() {
    begin enter-retries || { end; return; }
    stop_sandbox
    type_sale 2400 "Sato Taro" "taro@example.jp" ""
    xdotool key ctrl+Return
    sleep 4
    shot error
    [ "$(ledger "SELECT COUNT(*) FROM vouchers WHERE status = 'not_issued'")" = "1" ] \
        || { fail "no unfinished sale in the ledger: $(ledger 'SELECT status FROM vouchers')"; end; return; }
    start_sandbox || { fail "the sandbox did not restart"; end; return; }
    xdotool key Return            # focus is on 発行 after the error
    wait_window "コンビニ払込票" >/dev/null || { fail "Enter on the issue button did not retry"; end; return; }
    shot retried
    [ "$(ledger "SELECT COUNT(*) || ' ' || MIN(status) FROM vouchers")" = "1 pending" ] \
        || { fail "ledger: $(ledger 'SELECT id, status FROM vouchers')"; end; return; }
    end
}

# 3. kill -9 in the middle of a sale; the restart finishes it and shows it, marked; the clerk
#    re-types the sale and is asked before a second voucher is issued.
kill_during_sale() {
    begin kill-during-sale || { end; return; }
    stop_sandbox                  # the sale stays unanswered
    type_sale 3200 "Suzuki Ichiro" "ichiro@example.jp" "080-2222-3333"
    xdotool key ctrl+Return
    sleep 1
    kill_app
    start_sandbox || { fail "the sandbox did not restart"; end; return; }
    start_app || { end; return; }
    wait_window "コンビニ払込票" >/dev/null || { fail "the finished sale was not shown at restart"; end; return; }
    shot recovered
    [ "$(ledger "SELECT COUNT(*) || ' ' || MIN(status) FROM vouchers")" = "1 pending" ] \
        || { fail "ledger after restart: $(ledger 'SELECT id, status FROM vouchers')"; end; return; }
    sleep 1.2
    xdotool key Return            # handed over
    sleep 0.8
    type_sale 3200 "Suzuki Ichiro" "ichiro@example.jp" "080-2222-3333"
    xdotool key ctrl+Return
    wait_window "2枚目の払込票" >/dev/null || { fail "a re-typed sale was issued without asking"; end; return; }
    shot asks
    xdotool key Escape            # back: nothing issued
    sleep 0.8
    [ "$(ledger "SELECT COUNT(*) FROM vouchers")" = "1" ] || { fail "a second voucher was made"; end; return; }
    end
}

# 4. F2 puts the cursor in the amount from anywhere; Esc asks before clearing a typed sale.
f2_and_escape() {
    begin f2-escape || { end; return; }
    xdotool key Tab Tab Tab       # somewhere in the form
    xdotool key F2
    xdotool type --delay 40 "777"
    xdotool key Escape
    wait_window "この販売をクリアしますか" >/dev/null || { fail "Esc did not ask before clearing"; end; return; }
    shot asks
    xdotool key shift+Tab space   # クリアする
    sleep 0.8
    type_sale 1800 "Tanaka Misaki" "misaki@example.jp" ""
    xdotool key ctrl+Return
    wait_window "コンビニ払込票" >/dev/null || { fail "no voucher"; end; return; }
    shot issued
    # The amount typed after F2 went into the amount field, and Esc cleared it: only ¥1,800.
    [ "$(ledger "SELECT group_concat(amount) FROM vouchers")" = "1800" ] \
        || { fail "ledger amounts: $(ledger 'SELECT group_concat(amount) FROM vouchers')"; end; return; }
    end
}

# 5. kill -9 in the middle of a sale and Stripe still away at the restart: the sale is listed as not
#    finished (nothing shown as issued); once Stripe is back, Alt+R (再試行) finishes it and shows
#    the voucher.
recovery_fails_then_retry() {
    begin recovery-retry || { end; return; }
    stop_sandbox
    type_sale 4100 "Kato Ken" "ken@example.jp" "080-4444-5555"
    xdotool key ctrl+Return
    sleep 1
    kill_app
    start_app || { end; return; }
    # The resume gives up (each of the client's attempts refused), then the list is shown.
    for _ in $(seq 100); do grep -q "resuming" "$work/app-$scenario.log" && break; sleep 0.1; done
    for _ in $(seq 100); do
        grep -q 'payment_intents" failed: HTTP' "$work/app-$scenario.log" && break; sleep 0.1
    done
    sleep 1
    shot not-finished
    start_sandbox || { fail "the sandbox did not restart"; end; return; }
    sleep 2
    xdotool search --onlyvisible --name "コンビニ払込票" >/dev/null && { fail "the sale finished without Retry"; end; return; }
    xdotool key alt+r
    wait_window "コンビニ払込票" >/dev/null || { fail "Alt+R did not finish the sale"; end; return; }
    shot retried
    [ "$(ledger "SELECT COUNT(*) || ' ' || MIN(status) FROM vouchers")" = "1 pending" ] \
        || { fail "ledger: $(ledger 'SELECT id, status FROM vouchers')"; end; return; }
    [ "$(ledger "SELECT COUNT(*) FROM journal WHERE state = 'pending'")" = "0" ] \
        || { fail "journal entries left pending"; end; return; }
    end
}

keyboard_sale
enter_retries_after_error
recovery_fails_then_retry
kill_during_sale
f2_and_escape

if [ "$failures" -gt 0 ]; then
    echo "$failures acceptance scenario(s) failed"
    exit 1
fi
echo "all acceptance scenarios passed"

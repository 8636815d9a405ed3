# SPDX-FileCopyrightText: 2026 Citizen 360 contributors
# SPDX-License-Identifier: EUPL-1.2
# shellcheck shell=bash
# scripts/start --shared: a town hall on one machine. Source it; it defines functions only.

# c360_shared_demo BUILD_DIR USER — starts (or reuses, when one of this build's runs is going) a
# PostgreSQL server on 127.0.0.1, makes the shared store "citizen360" with the practice
# municipality's staff as logins of the server, fills it through the sync service's own login,
# keeps that service synchronising in the background, and sets C360_SHARED_URI to the store as
# USER's own login. Everything it started stops when the script that called it ends.
c360_shared_demo() {
    local build=$1 user=$2
    local state=$build/shared-demo
    local admin=$build/bin/citizen360-admin
    case "$user" in
    baliemedewerker | kcc | supervisor | beheerder) ;;
    *)
        c360_log "scripts/start --shared: the user is one of baliemedewerker, kcc, supervisor or beheerder."
        exit 2
        ;;
    esac
    mkdir -p "$state"
    if [ -f "$state/uri" ] && [ -f "$state/backend-url" ] && psql "$(cat "$state/uri")" -Atqc 'SELECT 1' >/dev/null 2>&1; then
        c360_log "Using the shared store of the demo that is running already."
    else
        c360_shared_demo_make "$build" "$state" "$admin"
    fi
    local server
    server=$(sed -e 's|postgresql://c360@||' -e 's|/postgres$||' "$state/uri")
    C360_SHARED_URI="postgresql://$user@$server/citizen360"
    export C360_SHARED_URI
    c360_log "Citizen 360 on the shared store $C360_SHARED_URI (the sync service runs in the background)."
}

c360_shared_demo_make() {
    local build=$1 state=$2 admin=$3
    rm -f "$state/backend-url"
    # The server of the tests' own kind: trust on 127.0.0.1, a free port, gone when we are.
    "$C360_TOP/tests/postgres/test-server" start "$state" >/dev/null
    local uri server
    uri=$(cat "$state/uri")
    server=$(echo "$uri" | sed -e 's|postgresql://c360@||' -e 's|/postgres$||')
    psql "$uri" -v ON_ERROR_STOP=1 -qc 'CREATE DATABASE citizen360' >/dev/null
    # The practice municipality's back end, as training mode's (history up to today).
    coproc C360_BACKEND { exec "$build/bin/citizen360-refbackend" --citizens 2000 --seed 2026 --exit-on-stdin-close; }
    local backend
    read -r backend <&"${C360_BACKEND[0]}"
    echo "$backend" >"$state/backend-url"
    # The installation, then the staff and the sync service as logins of the server (no
    # passwords: this demo server trusts 127.0.0.1; a real one asks, docs/admin-guide.md).
    local store="postgresql://c360@$server/citizen360"
    printf 'oefenen-citizen360\n' | "$admin" init --database "$store" --admin installatie >/dev/null
    local who role name team
    while IFS='|' read -r who role name team; do
        printf '\n' | "$admin" add-user --database "$store" --username "$who" --role "$role" --name "$name" --team "$team" >/dev/null
    done <<'STAFF'
beheerder|administrator|Dana Eeckhout|
baliemedewerker|counter_clerk|An Baert|Burgerzaken
kcc|call_centre_agent|Bram Claes|Burgerzaken
supervisor|supervisor|Chris Dewulf|Burgerzaken
citizen360-sync|sync_service|Sync service|
STAFF
    local sync="postgresql://citizen360-sync@$server/citizen360"
    c360_log "Filling the shared store through the sync service (about a minute)…"
    if ! "$admin" sync --database "$sync" --backend "$backend" --once >/dev/null 2>"$state/sync.log"; then
        cat "$state/sync.log" >&2
        exit 1
    fi
    # Then it goes on, as the town hall's systemd service would (resources/citizen360-sync.service).
    "$admin" sync --database "$sync" --backend "$backend" >>"$state/sync.log" 2>&1 &
    local sync_pid=$!
    # shellcheck disable=SC2064 # the values of now
    trap "kill $sync_pid $C360_BACKEND_PID 2>/dev/null; '$C360_TOP/tests/postgres/test-server' stop '$state'" EXIT
}

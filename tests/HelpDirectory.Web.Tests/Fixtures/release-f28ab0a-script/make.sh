#!/usr/bin/env bash
# Makes a SQLite database with the last release (f28ab0a): an admin, an editor, and real edits over HTTP with curl.
# Usage: make.sh RELEASE_WORKTREE OUTPUT_DB   (the release built there first: dotnet build src/HelpDirectory.Web)
set -euo pipefail
RELEASE=$(realpath "$1"); DB=$(realpath -m "$2"); HERE=$(dirname "$(realpath "$0")")
WORK=$(mktemp -d); cd "$WORK"
L2=27 ORG=41 LINE=1 REGION=AU-ACT SLUG1=linea-024-es SLUG2=samaritans-ie-helpline
export ConnectionStrings__HelpDirectory="Data Source=$DB"
rm -f "$DB" "$DB-wal" "$DB-shm"
( cd "$RELEASE" && HELPDIRECTORY_ADMIN_PASSWORD='fixture-admin-password-1' dotnet run --no-build --project src/HelpDirectory.Web --no-launch-profile -- create-admin admin@fixture.example )
( cd "$RELEASE" && ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS=http://127.0.0.1:5391 Admin__ReportsPerHour=100 \
    exec dotnet run --no-build --project src/HelpDirectory.Web --no-launch-profile > "$WORK/site.log" 2>&1 ) &
echo $! > "$WORK/site.pid"
for i in $(seq 30); do curl -sf -o /dev/null http://127.0.0.1:5391/ && break; sleep 1; done
B=http://127.0.0.1:5391
get() { curl -s -c $J -b $J "$B$1" > "$2"; }
# post URL PAGEFILE FORM [overrides...] -> prints status and redirect
post() { local url=$1 page=$2 form=$3; shift 3; local body; body=$(python3 "$HERE/form.py" "$page" "$form" "$@"); curl -s -c $J -b $J -o last.html -w "%{http_code} %{redirect_url}\n" --data-raw "$body" "$B$url"; }
login() { rm -f $J; get /admin/login login.html; post /admin/login login.html 0 Input.Email=$1 Input.Password=$2; }
expect() { local got; got=$("$@"); echo "$got"; case "$got" in 302*) ;; *) echo "FAILED: $*"; exit 1;; esac; }
value() { python3 -c "import sys,html,re; m=re.search(r'id=\"$2\"[^>]*value=\"([^\"]*)\"', open('$1').read()); print(html.unescape(m.group(1)))"; }

J=$WORK/admin.jar; login admin@fixture.example fixture-admin-password-1
get /admin/users users.html
expect post "/admin/users?handler=Add" users.html 1 Input.Email=editor@fixture.example Input.Password=fixture-editor-password-2 Input.Role=Editor

J=$WORK/editor.jar; login editor@fixture.example fixture-editor-password-2
# Listing 42: edit the description, unpublish, rename, publish again.
get /admin/services/42/edit s.html
expect post /admin/services/42/edit s.html service-form "Form.Description=A free, confidential line in Spain for people having thoughts of suicide and for the people around them, open every day of the year, day and night. Calls are free and not billed."
get /admin/services/42/edit s.html; expect post "/admin/services/42/edit?handler=Unpublish" s.html 2
get /admin/services/42/edit s.html; expect post /admin/services/42/edit s.html service-form "Form.Name=$(value s.html Form_Name) (Spain)"
get /admin/services/42/edit s.html; expect post "/admin/services/42/edit?handler=Publish" s.html 2
# Listing $L2: cost note, verify, unpublish (left as a draft).
get /admin/services/$L2/edit s.html; expect post /admin/services/$L2/edit s.html service-form "Form.CostNote=Free to call; check with your phone company."
get /admin/services/$L2/edit s.html; expect post "/admin/services/$L2/edit?handler=Verify" s.html 2
get /admin/services/$L2/edit s.html; expect post "/admin/services/$L2/edit?handler=Unpublish" s.html 2

J=$WORK/admin.jar
# Restore older revisions: listing 42 back to its first edit (undoing the rename), listing $L2 to before the unpublish.
get /admin/services/42/history h.html; expect post "/admin/services/42/history?handler=Restore" h.html "$(python3 -c "import re; print(len(re.findall('<form', open('h.html').read()))-1)")"
get /admin/services/$L2/history h.html; expect post "/admin/services/$L2/history?handler=Restore" h.html 1

# An organisation, a crisis line and a region, each edited twice (one by the editor), and one restored.
J=$WORK/editor.jar
get /admin/organizations/edit/$ORG o.html; expect post /admin/organizations/edit/$ORG o.html record-form "Form.Description=$(python3 -c "import re,html; m=re.search(r'<textarea[^>]*Form_Description[^>]*>\n?([^<]*)<', open('o.html').read()); print(html.unescape(m.group(1)).strip())") (checked 2026)"
get /admin/crisis-lines/edit/$LINE c.html; expect post /admin/crisis-lines/edit/$LINE c.html record-form "Form.Hours=Every day, day and night"
get /admin/regions/edit/$REGION r.html; expect post /admin/regions/edit/$REGION r.html record-form "Form.Name=$(value r.html Form_Name) (ACT)"
J=$WORK/admin.jar
get /admin/organizations/edit/$ORG o.html; expect post /admin/organizations/edit/$ORG o.html record-form "Form.Email=contact@example.org"
get /admin/crisis-lines/edit/$LINE c.html; expect post /admin/crisis-lines/edit/$LINE c.html record-form "Form.SortOrder=5"
get /admin/regions/edit/$REGION r.html; expect post /admin/regions/edit/$REGION r.html record-form "Form.Name=$(value r.html Form_Name | sed 's/ (ACT)$//')"
get /admin/regions/edit/$REGION r.html; REV=$(grep -o 'id="revision-[0-9]*"' r.html | tail -1 | grep -o '[0-9]*')
get "/admin/regions/edit/$REGION?revision=$REV" r.html; expect post /admin/regions/edit/$REGION r.html record-form

# Visitors report two listings; the admin resolves one and leaves the other open.
rm -f visitor.jar; J=$WORK/visitor.jar
get /services/$SLUG1/report rep.html; expect post /services/$SLUG1/report rep.html has:Input.Details Input.Problem=wrong-number "Input.Details=The number rang out twice this week."
get /services/$SLUG2/report rep.html; expect post /services/$SLUG2/report rep.html has:Input.Details Input.Problem=closed "Input.Details=The website says the service has closed."
J=$WORK/admin.jar
get /admin/reports rp.html
RID=$(grep -o 'id="report-[0-9]*"' rp.html | head -1 | grep -o '[0-9]*')
expect post "/admin/reports?handler=Resolve" rp.html has:note id=$RID "note=Called them: the number works again."

kill "$(cat "$WORK/site.pid")"; sleep 2
sqlite3 "$DB" 'PRAGMA wal_checkpoint(TRUNCATE);'

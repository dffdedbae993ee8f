#!/usr/bin/env python3
"""Write the endpoint table of docs/api.md: every Mastodon client-API
endpoint up to the version kring reports (tools/mastodon-endpoints.tsv, from
docs.joinmastodon.org) and every route kring serves (`kring routes`), each with
its state and scope.  Run after adding or changing a route:

    tools/api-table.py build/release/kring

It rewrites the part of docs/api.md between the endpoints markers.  A route
kring serves is "complete" unless PARTIAL below says what is left out."""
import os
import re
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
BEGIN, END = "<!-- endpoints:begin -->", "<!-- endpoints:end -->"

# What a served route leaves out ("METHOD PATH": note).  Keep it honest: an
# app author reads this to know what to expect.
EMPTY = "always an empty list (kring has no %s)"
PARTIAL = {
    "GET /api/v1/custom_emojis": EMPTY % "custom emoji",
    "GET /api/v1/announcements": "the administrator's notices and the pinned posts of organisations one "
                                 "follows; mentions and tags always empty",
    "PUT /api/v1/announcements/:id/reactions/:name": "unicode emoji only (kring has no custom emoji)",
    "GET /api/v1/trends": EMPTY % "trends: nothing is ranked",
    "GET /api/v1/trends/tags": EMPTY % "trends: nothing is ranked",
    "GET /api/v1/trends/statuses": EMPTY % "trends: nothing is ranked",
    "GET /api/v1/suggestions": EMPTY % "follow suggestions",
    "GET /api/v2/suggestions": EMPTY % "follow suggestions",
    "GET /api/v1/instance/peers": EMPTY % "federation",
    "GET /api/v1/instance/rules": EMPTY % "rules as entities; the guidelines are a page",
    "GET /api/v1/endorsements": EMPTY % "endorsements",
    "GET /api/v1/domain_blocks": EMPTY % "federation, so no domains",
    "GET /api/v1/featured_tags": EMPTY % "featured tags",
    "GET /api/v1/accounts/:id/featured_tags": EMPTY % "featured tags",
    "GET /api/v1/filters": "always an empty list; filters are served by v2",
    "GET /api/v1/accounts/familiar_followers": "only where the account's lists are the viewer's to see",
    "POST /api/v1/statuses": "no `quote_id`; `scheduled_at` without media; the privacy guard may answer 422; "
                             "`local_only=true` (glitch-soc's name) keeps the post on this server (not with "
                             "`scheduled_at` yet)",
    "GET /api/v2/notifications": "`expand_accounts=partial_avatars` answers full accounts; `min_id` acts as "
                                 "`since_id`; at most 1,000 notifications read per answer",
    "GET /api/v2/notifications/policy": "kring filters no notifications: always `accept`",
    "PATCH /api/v2/notifications/policy": "only `accept` (kring filters no notifications)",
    "GET /api/v1/notifications/policy": "kring filters no notifications",
    "PATCH /api/v1/notifications/policy": "only the values that filter nothing",
    "POST /api/v1/admin/accounts/:id/action": "`none` and `suspend` (kring has no silence, disable or "
                                              "sensitive: 422)",
    "GET /api/v1/admin/accounts": "no e-mail addresses or IP addresses kept; remote filters find nobody",
    "GET /api/v2/admin/accounts": "no e-mail addresses or IP addresses kept; remote filters find nobody",
    "GET /api/v1/admin/reports": "no categories or rules; `action_taken_at` null",
    "POST /api/v1/push/subscription": "alerts for admin.sign_up, admin.report, status, poll and update "
                                      "never fire (kring pushes mentions, follows, requests, favourites, boosts)",
    "GET /api/v1/directory": "organisations and care professionals only, never clients; at most 50",
    "GET /api/v1/instance/translation_languages": "`{}`: kring translates nothing",
    "PUT /api/v1/statuses/:id": "the privacy guard may answer 422",
    "GET /api/v2/search": "`resolve=true` finds `@user@host` (WebFinger), an actor's URL and a received "
                          "Note's URL (docs/federation.md); no full-text search of remote posts",
    "GET /api/v1/accounts/search": "local only",
    "GET /api/v1/accounts/lookup": "local accounts and remote ones known here (`user@host`)",
    "POST /api/v1/statuses/:id/mute": "answers the status; a conversation is not muted",
    "POST /api/v1/statuses/:id/unmute": "answers the status; a conversation is not muted",
    "PATCH /api/v1/accounts/update_credentials": "display name, note, locked, source[privacy], source[language]; "
                                                 "no avatar or header upload, no fields",
    "GET /api/v1/notifications": "types mention, follow, follow_request, favourite, reblog",
    "GET /api/v1/streaming/public/remote": "nothing remote on one server: the stream stays empty",
    "GET /api/v1/streaming": "WebSocket (and server-sent events at the named streams)",
    "POST /api/v1/reports": "no forwarding (one server)",
}

# Routes that are kring's own, or aliases of another row: not in Mastodon's list.
KRING_ONLY = {
    "GET /.well-known/nodeinfo": "NodeInfo discovery",
    "GET /nodeinfo/2.0": "NodeInfo 2.0",
}


def kring_routes(binary):
    out = subprocess.run([binary, "routes"], capture_output=True, text=True, timeout=30).stdout
    routes = {}
    for line in out.splitlines():
        f = line.split(None, 2)
        if len(f) >= 2 and f[0] in ("GET", "POST", "PUT", "PATCH", "DELETE") and f[1].startswith("/"):
            path = f[1].rstrip("/") or "/"
            scope = f[2].strip() if len(f) > 2 else ""
            for m in f[0].split("|"):
                routes.setdefault("%s %s" % (m, path), scope)
    return routes


def norm(path):
    """Parameter names differ (:id, :name, :hashtag): compare the shape."""
    return re.sub(r":\w+", ":x", path.rstrip("/"))


def match_pattern(served_norm, method, path):
    """A served pattern with parameters that covers a documented path
    (/api/v1/streaming/:stream serves /api/v1/streaming/user)."""
    segs = path.rstrip("/").split("/")
    for k, v in served_norm.items():
        m, p = k.split(" ", 1)
        ps = p.split("/")
        if m == method and len(ps) == len(segs) and ":x" in ps and all(
                a == ":x" or a == b for a, b in zip(ps, segs)):
            return v
    return None


def scope_text(s):
    if not s:
        return ""
    if s == "public":
        return "none"
    if s == "token":
        return "any token (also an app's)"
    if s.startswith("opt:"):
        return "`%s`, or none (public view)" % s[4:]
    return "`%s`" % s


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "release", "kring")
    served = kring_routes(binary)
    served_norm = {}
    for k, scope in served.items():
        m, p = k.split(" ", 1)
        served_norm["%s %s" % (m, norm(p))] = (p, scope)
    # The pages serve these (web/oauth.c), not the API table.
    pages = {"GET /oauth/authorize": "none (a page: log in, then approve)"}
    rows, seen, matched, used = [], set(), set(), set()
    for line in open(os.path.join(ROOT, "tools", "mastodon-endpoints.tsv")):
        if line.startswith("#") or not line.strip():
            continue
        section, method, path, added, dep = (line.rstrip("\n").split("\t") + [""] * 5)[:5]
        key = "%s %s" % (method, norm(path))
        if key in seen:
            continue
        seen.add(key)
        matched.add(key)
        label = "%s %s" % (method, path)
        note = ""
        hit = served_norm.get(key) or match_pattern(served_norm, method, path)
        if hit:
            p, scope = hit
            used.add("%s %s" % (method, norm(p)))
            part = PARTIAL.get(label) or PARTIAL.get("%s %s" % (method, p))
            state = "partial: " + part if part else "complete"
            rows.append((section, label + note, state, scope_text(scope)))
        elif label in pages:
            rows.append((section, label, "complete", pages[label]))
        else:
            rows.append((section, label + note, "absent", ""))
    for k, scope in sorted(served.items()):
        m, p = k.split(" ", 1)
        if "%s %s" % (m, norm(p)) in seen or "%s %s" % (m, norm(p)) in used:
            continue
        seen.add("%s %s" % (m, norm(p)))
        what = KRING_ONLY.get(k, "kring's own")
        part = PARTIAL.get(k)
        rows.append(("kring", k, ("partial: " + part) if part else "complete (%s)" % what, scope_text(scope)))
    n = {"complete": 0, "partial": 0, "absent": 0}
    for r in rows:
        n[r[2].split(":")[0].split(" ")[0]] += 1
    out = [BEGIN, "",
           "%d endpoints: %d complete, %d partial, %d absent (Mastodon %s; `tools/api-table.py` writes this "
           "table from `kring routes` and tools/mastodon-endpoints.tsv)." % (len(rows), n["complete"],
                                                                               n["partial"], n["absent"], "4.3.0"),
           "", "| Group | Endpoint | State | Scope |", "|---|---|---|---|"]
    for section, label, state, scope in rows:
        out.append("| %s | `%s` | %s | %s |" % (section, label, state.replace("|", "\\|"),
                                                 scope.replace("|", "\\|")))
    out += ["", END]
    doc = os.path.join(ROOT, "docs", "api.md")
    text = open(doc).read()
    block = "\n".join(out)
    if BEGIN in text:
        text = re.sub(re.escape(BEGIN) + ".*?" + re.escape(END), lambda _m: block, text, flags=re.S)
    else:
        text = text.rstrip("\n") + "\n\n## Endpoints\n" + block + "\n"
    open(doc, "w").write(text)
    print("docs/api.md: %d rows" % len(rows))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Sets up the demo organization through the product's own API, the way a customer would.

    demo-setup.py BASE_URL API_KEY DATABASE_URL    (with CAMPAIGND_SIMULATOR_URL and CAMPAIGND_SIMULATOR_SECRET set)

1. Connects "Tasty Chips Co." to both simulated ad platforms with startOAuth/completeOAuth, following the
   authorization URL's redirect without a browser (the simulator approves at once), unless already connected.
2. Loads scripts/demo-data.sql (audiences, and campaigns as drafts on the synced ad accounts) once.
3. Launches the campaigns that should be running, then pauses or completes some, so that the simulator holds
   them and the worker syncs their metrics; the simulator is told they started two weeks ago, for a history. The two "Spicy Jalapeño Chips" campaigns stay drafts: they are the
   ones to launch by hand, from the Creative Studio or with launchCampaign.
Idempotent: run it on every `make run`.
"""
import json
import os
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

# Campaign name → the state the demo shows it in; each step is a mutation, in order.
TARGETS = {
    "Sea Salt Classics – Always On": ["launchCampaign"],
    "Sour Cream & Onion – Always On": ["launchCampaign"],
    "BBQ Crunch – Summer Grilling": ["launchCampaign", "pauseCampaign"],
    "Lunchbox Minis – Back to School": ["launchCampaign", "completeCampaign"],
}
REDIRECT_URI = "http://127.0.0.1/oauth/callback"
# Launched demo campaigns are backdated on the simulator by this many days, so their charts have a history.
HISTORY_DAYS = 14


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def graphql(base, key, query, variables=None):
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    request = urllib.request.Request(base + "/graphql", data=body, method="POST", headers={
        "Content-Type": "application/json", "Authorization": "Bearer " + key})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            answer = json.load(response)
    except urllib.error.HTTPError as error:
        answer = json.load(error)
    if answer.get("errors"):
        raise SystemExit("demo-setup: %s" % "; ".join(e.get("message", "?") for e in answer["errors"]))
    return answer["data"]


def simulator_control(action, body):
    """The simulator's control plane: its own loopback address and secret (CAMPAIGND_SIMULATOR_URL and _SECRET)."""
    request = urllib.request.Request(os.environ["CAMPAIGND_SIMULATOR_URL"] + "/_control/" + action, data=json.dumps(body).encode(),
                                     method="POST", headers={"Content-Type": "application/json",
                                                             "X-Simulator-Secret": os.environ["CAMPAIGND_SIMULATOR_SECRET"]})
    with urllib.request.urlopen(request, timeout=30) as response:
        response.read()


def connect(base, key, platform):
    start = graphql(base, key, "mutation($p: Platform!, $r: String!) { startOAuth(platform: $p, redirectUri: $r) { authorizationUrl state } }",
                    {"p": platform, "r": REDIRECT_URI})["startOAuth"]
    opener = urllib.request.build_opener(NoRedirect)
    try:
        opener.open(start["authorizationUrl"], timeout=30)
        raise SystemExit("demo-setup: the consent page of %s did not redirect" % platform)
    except urllib.error.HTTPError as redirect:
        if redirect.code not in (301, 302, 303, 307):
            raise SystemExit("demo-setup: the consent page of %s answered %d" % (platform, redirect.code))
        location = redirect.headers["Location"]
    returned = urllib.parse.parse_qs(urllib.parse.urlparse(location).query)
    integration = graphql(base, key, "mutation($p: Platform!, $c: String!, $s: String!) { completeOAuth(platform: $p, code: $c, state: $s) { id adAccounts { name } } }",
                          {"p": platform, "c": returned["code"][0], "s": returned["state"][0]})["completeOAuth"]
    print("connected %s: %s" % (platform, ", ".join(a["name"] for a in integration["adAccounts"])))


def main():
    base, key, database_url = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
    connected = {i["platform"] for i in graphql(base, key, "{ integrations { platform connected } }")["integrations"] if i["connected"]}
    for platform in ("GOOGLE_ADS", "META_ADS"):
        if platform not in connected:
            connect(base, key, platform)

    campaigns = graphql(base, key, "{ campaigns(first: 100) { totalCount } }")["campaigns"]
    if campaigns["totalCount"] == 0:
        organization_id = subprocess.run(
            ["psql", "-qtAX", database_url, "-c", "SELECT id FROM organizations WHERE name = 'Tasty Chips Co.' ORDER BY created_at LIMIT 1"],
            check=True, capture_output=True, text=True).stdout.strip()
        script = Path(__file__).with_name("demo-data.sql")
        subprocess.run(["psql", "-q", database_url, "-v", "org=" + organization_id, "-f", str(script)], check=True, stdout=subprocess.DEVNULL)
        print("loaded the demo campaigns")

    nodes = graphql(base, key, "{ campaigns(first: 100) { edges { node { id name status platform } } } }")["campaigns"]["edges"]
    for node in (edge["node"] for edge in nodes):
        steps = TARGETS.get(node["name"])
        if not steps or node["status"] != "DRAFT":
            continue
        for step in steps:
            field = "campaign { status }" if step == "launchCampaign" else "status"
            graphql(base, key, "mutation($id: ID!) { %s(id: $id) { %s } }" % (step, field), {"id": node["id"]})
        external_id = graphql(base, key, "query($id: ID!) { campaign(id: $id) { externalCampaignId } }", {"id": node["id"]})["campaign"]["externalCampaignId"]
        simulator_control(node["platform"].lower() + "/backdate", {"id": external_id, "days": HISTORY_DAYS})
        print("%s: %s" % (node["name"], " → ".join(steps)))


if __name__ == "__main__":
    main()

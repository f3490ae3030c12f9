#!/usr/bin/env python3
"""Writes data.json: the root value the benchmark documents run against.

100 campaigns x 3 units, each unit with an audience and 2 creatives. Deterministic (no
randomness, no clock), so every run and every engine sees the same bytes.
"""
import json
import os

STATUSES = ["DRAFT", "ACTIVE", "PAUSED", "ARCHIVED"]
OBJECTIVES = ["AWARENESS", "TRAFFIC", "CONVERSIONS"]
CURRENCIES = ["EUR", "USD", "GBP"]
COUNTRIES = ["DE", "FR", "NL", "US", "GB", "ES", "IT"]
INTERESTS = ["running", "cooking", "travel", "gaming", "music", "finance", "gardening"]


def money(cents, currency):
    return {"amount": "%d.%02d" % (cents // 100, cents % 100), "currency": currency}


def asset(c, u, k):
    ident = "asset-%d-%d-%d" % (c, u, k)
    if (c + u + k) % 2 == 0:
        return {"__typename": "ImageAsset", "id": ident,
                "url": "https://cdn.example.com/%s.jpg" % ident,
                "width": 1200, "height": 628 + k}
    return {"__typename": "VideoAsset", "id": ident,
            "url": "https://cdn.example.com/%s.mp4" % ident,
            "durationSeconds": 15.5 + k, "thumbnailUrl": None if k else "https://cdn.example.com/%s.jpg" % ident}


def creative(c, u, k):
    return {"__typename": "Creative", "id": "creative-%d-%d-%d" % (c, u, k),
            "headline": "Headline %d for unit %d of campaign %d" % (k, u, c),
            "body": "Body text \"%d\" \u2014 with some unicode: caf\u00e9" % k if k == 0 else None,
            "callToAction": ["LEARN_MORE", "SHOP_NOW"][k % 2],
            "asset": asset(c, u, k)}


def unit(c, u):
    return {"__typename": "CampaignUnit", "id": "unit-%d-%d" % (c, u),
            "name": "Unit %d of campaign %d" % (u, c),
            "bidMicros": 250000 + 1000 * c + u,
            "audience": {
                "locations": [
                    {"country": COUNTRIES[(c + u) % len(COUNTRIES)], "region": None, "radiusKm": None},
                    {"country": COUNTRIES[(c + u + 3) % len(COUNTRIES)], "region": "Region %d" % u, "radiusKm": 10 * (u + 1)},
                ],
                "ageMin": 18 + u,
                "ageMax": 45 + c % 20,
                "interests": [INTERESTS[(c + i) % len(INTERESTS)] for i in range(3)],
            },
            "creatives": [creative(c, u, k) for k in range(2)]}


def campaign(c):
    currency = CURRENCIES[c % len(CURRENCIES)]
    return {"__typename": "Campaign", "id": "campaign-%d" % c,
            "name": "Campaign number %d" % c,
            "status": STATUSES[c % len(STATUSES)],
            "objective": OBJECTIVES[c % len(OBJECTIVES)],
            "budget": {"daily": money(5000 + c, currency) if c % 3 else None,
                       "lifetime": money(1000000 + 37 * c, currency),
                       "spent": money(12345 * c % 1000000, currency),
                       "pacing": round(0.5 + (c % 10) / 20.0, 2)},
            "createdAt": "2026-%02d-%02dT%02d:00:00Z" % (1 + c % 12, 1 + c % 28, c % 24),
            "updatedAt": None if c % 4 == 0 else "2026-11-%02dT08:30:00Z" % (1 + c % 25),
            "tags": ["tag-%d" % (c % 5), "q%d" % (1 + c % 4)],
            "units": [unit(c, u) for u in range(3)]}


def main():
    campaigns = [campaign(c) for c in range(100)]
    root = {"campaigns": campaigns, "campaign": campaigns[0], "node": campaigns[0]}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data.json")
    with open(path, "w") as out:
        json.dump(root, out, indent=1, ensure_ascii=False)
        out.write("\n")


if __name__ == "__main__":
    main()

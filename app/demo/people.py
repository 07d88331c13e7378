"""Believable customers: Chinese names, companies, addresses and unique phone numbers."""

from __future__ import annotations

import random

from app.demo.data import (
    AREA_CODE,
    CITY,
    COMPANY_KINDS,
    COMPANY_WORDS,
    DISTRICTS,
    ESTATES,
    FAMILY,
    GIVEN,
    VILLAGES,
)

MOBILE_PREFIXES = ("130", "131", "132", "133", "135", "136", "137", "138", "139", "150",
                   "151", "152", "155", "157", "158", "159", "166", "177", "180", "181",
                   "182", "183", "185", "186", "187", "188", "189", "191", "198", "199")


def person_name(rng: random.Random) -> str:
    # Common family names come first in FAMILY: weight them more.
    family = FAMILY[min(int(rng.expovariate(1 / 18)), len(FAMILY) - 1)]
    given = "".join(rng.choice(GIVEN) for _ in range(1 if rng.random() < 0.3 else 2))
    return family + given


def company_name(rng: random.Random, district: str) -> str:
    return f"{CITY[:2]}{rng.choice(COMPANY_WORDS)}{rng.choice(COMPANY_KINDS)}"


def address(rng: random.Random, district: str) -> str:
    kind, _hours, places = DISTRICTS[district]
    place = rng.choice(places)
    if kind == "city":
        return (f"{CITY}{district}{place} {rng.randint(1, 600)} 号 {rng.choice(ESTATES)} "
                f"{rng.randint(1, 30)} 幢 {rng.randint(1, 4)} 单元 "
                f"{rng.randint(1, 28)}{rng.randint(1, 4):02d} 室")
    return f"{CITY}{district}{place}{rng.choice(VILLAGES)} {rng.randint(1, 300)} 号"


class PhoneBook:
    """Hands out phone numbers never used before (in this run or already in the database)."""

    def __init__(self, rng: random.Random, taken: set[str]) -> None:
        self.rng = rng
        self.taken = taken

    def mobile(self) -> tuple[str, str]:
        while True:
            digits = self.rng.choice(MOBILE_PREFIXES) + f"{self.rng.randrange(10**8):08d}"
            if digits not in self.taken:
                self.taken.add(digits)
                return digits, digits

    def landline(self) -> tuple[str, str]:
        while True:
            local = f"{self.rng.choice('5678')}{self.rng.randrange(10**7):07d}"
            digits = AREA_CODE + local
            if digits not in self.taken:
                self.taken.add(digits)
                return f"{AREA_CODE}-{local}", digits

"""SMS length and PDU encoding for Chinese text (UCS-2), long messages concatenated (UDH).

Every message is sent in UCS-2 (it always carries the store signature 【店名】 in Chinese):
one part holds 70 UTF-16 units; a longer text goes in parts of 67, each with a 6-octet user
data header (IEI 0x00, 8-bit reference, total, sequence). A character outside the BMP (𠮷, an
emoji) is two units and is never split across parts.
"""

from __future__ import annotations

from dataclasses import dataclass

SINGLE = 70
PART = 67
MAX_PARTS = 255


@dataclass(frozen=True)
class SmsLength:
    units: int  # UTF-16 code units
    parts: int
    per_part: int  # 70 for one part, 67 for concatenated


def _units(ch: str) -> int:
    return 2 if ord(ch) > 0xFFFF else 1


def sms_length(text: str) -> SmsLength:
    units = sum(_units(ch) for ch in text)
    if units <= SINGLE:
        return SmsLength(units, 1 if units else 0, SINGLE)
    return SmsLength(units, len(split_parts(text)), PART)


def split_parts(text: str) -> list[str]:
    """The text as sent: one part, or parts of at most 67 units, never splitting a pair."""
    if sum(_units(ch) for ch in text) <= SINGLE:
        return [text]
    parts: list[str] = []
    current: list[str] = []
    size = 0
    for ch in text:
        n = _units(ch)
        if size + n > PART:
            parts.append("".join(current))
            current, size = [], 0
        current.append(ch)
        size += n
    if current:
        parts.append("".join(current))
    if len(parts) > MAX_PARTS:
        raise ValueError("message too long")
    return parts


def _semi_octets(digits: str) -> str:
    if len(digits) % 2:
        digits += "F"
    return "".join(digits[i + 1] + digits[i] for i in range(0, len(digits), 2))


def address_field(number: str) -> str:
    """Destination address: a Chinese mobile goes international (86…, type 0x91)."""
    digits = "".join(c for c in number if c.isdigit())
    if number.strip().startswith("+") or (digits.startswith("86") and len(digits) == 13):
        kind = "91"
    elif len(digits) == 11 and digits.startswith("1"):
        digits, kind = "86" + digits, "91"
    else:
        kind = "81"
    return f"{len(digits):02X}{kind}{_semi_octets(digits)}"


@dataclass(frozen=True)
class Pdu:
    hex: str  # with the SCA octet "00" (the SIM's service centre) in front
    tpdu_length: int  # for AT+CMGS=<n>: octets after the SCA


def submit_pdus(number: str, text: str, reference: int) -> list[Pdu]:
    """SMS-SUBMIT PDUs (UCS-2, DCS 0x08, validity 4 days) for ``text`` to ``number``."""
    parts = split_parts(text)
    out = []
    for seq, part in enumerate(parts, start=1):
        data = part.encode("utf-16-be")
        udh = b""
        if len(parts) > 1:
            udh = bytes([0x05, 0x00, 0x03, reference & 0xFF, len(parts), seq])
        first = 0x11 | (0x40 if udh else 0)  # SMS-SUBMIT, relative validity, UDHI
        user_data = udh + data
        tpdu = (f"{first:02X}00{address_field(number)}0008AA{len(user_data):02X}"
                + user_data.hex().upper())
        out.append(Pdu("00" + tpdu, len(tpdu) // 2))
    return out


# ---- replies: SMS-DELIVER PDUs read back from the modem --------------------------------------

GSM7 = ("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")


@dataclass(frozen=True)
class Incoming:
    phone: str  # digits as the network gave them (86… for a mainland mobile)
    text: str


def decode_deliver(hex_pdu: str) -> Incoming:
    """An SMS-DELIVER PDU (with its SCA octets, as AT+CMGL gives it in PDU mode): the sender
    and the text (GSM 7-bit, 8-bit or UCS-2; a concatenation header is skipped). Raises
    ValueError on a PDU it cannot read."""
    try:
        pdu = bytes.fromhex(hex_pdu.strip())
        i = 1 + pdu[0]
        first = pdu[i]
        length, kind = pdu[i + 1], pdu[i + 2]
        i += 3
        octets = (length + 1) // 2
        raw = pdu[i:i + octets]
        # an alphanumeric sender (a network's name) has no number to match
        phone = "" if kind & 0x70 == 0x50 else "".join(f"{b & 0xF}{b >> 4}" for b in raw)[:length]
        i += octets
        dcs = pdu[i + 1]
        i += 2 + 7  # PID, DCS, service centre time stamp
        udl = pdu[i]
        data = pdu[i + 1:]
        header = data[0] + 1 if first & 0x40 and data else 0
        if dcs & 0x0C == 0x08:
            text = data[header:udl].decode("utf-16-be", "replace")
        elif dcs & 0x0C == 0x04:
            text = data[header:udl].decode("latin-1")
        else:
            bits = int.from_bytes(data, "little")
            skip = (header * 8 + 6) // 7
            text = "".join(GSM7[(bits >> (7 * n)) & 0x7F] for n in range(skip, udl))
    except (IndexError, ValueError) as exc:
        raise ValueError(f"unreadable SMS-DELIVER PDU: {exc}") from exc
    return Incoming(phone, text)

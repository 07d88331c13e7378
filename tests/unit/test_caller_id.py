"""Caller-ID formats a counter's line delivers: one Ring per call, garbage ignored."""

from __future__ import annotations

from app.telephony.caller_id import CallerIdParser, Ring, parse_frame


def _feed(*lines: str) -> list[Ring]:
    rings: list[Ring] = []
    parser = CallerIdParser(rings.append, source="test")
    for line in lines:
        parser.feed_line(line)
    return rings


def _mdmf(number: str, name: bytes = b"") -> str:
    body = bytes([0x01, 8]) + b"12070930" + bytes([0x02, len(number)]) + number.encode()
    if name:
        body += bytes([0x07, len(name)]) + name
    frame = bytes([0x80, len(body)]) + body
    return (frame + bytes([(-sum(frame)) & 0xFF])).hex().upper()


def test_formatted_lines_between_rings_give_the_number_and_name() -> None:
    rings = _feed("RING", "", "DATE = 1207", "TIME = 0930", "NMBR = 138-1234-5678",
                  "NAME = ZHANG", "RING", "RING")
    assert [(r.number, r.name) for r in rings] == [("13812345678", "")]


def test_mdmf_hex_frame_with_a_chinese_name_in_gb18030() -> None:
    rings = _feed("RING", _mdmf("02087654321", "张伟".encode("gb18030")), "RING")
    assert [(r.number, r.name) for r in rings] == [("02087654321", "张伟")]


def test_sdmf_frame_and_a_corrupted_checksum() -> None:
    frame = bytes([0x04, 19]) + b"12070930" + b"13900001111"
    good = (frame + bytes([(-sum(frame)) & 0xFF])).hex()
    bad = (frame + bytes([(-sum(frame) + 1) & 0xFF])).hex()
    assert [r.number for r in _feed(bad, "RING", "RING")] == [""]
    assert [r.number for r in _feed(good)] == ["13900001111"]
    assert parse_frame(bytes.fromhex(bad)) is None


def test_dtmf_caller_id_used_on_chinese_lines() -> None:
    assert [r.number for r in _feed("D13812345678C")] == ["13812345678"]
    assert [r.number for r in _feed("DTMF: A075512345678C")] == ["075512345678"]


def test_ring_without_caller_id_is_one_numberless_ring_per_call() -> None:
    rings = _feed("RING", "RING", "RING", "RING")
    assert [r.number for r in rings] == [""]


def test_private_number() -> None:
    rings = _feed("RING", "DATE = 1207", "NMBR = P", "RING")
    assert [(r.number, r.absent) for r in rings] == [("", "private")]


def test_garbage_is_ignored() -> None:
    rings = _feed("\x00\xff~~", "+++", "OK", "ATE0", "CONNECT 9600", "ZZZZ", "0102",
                  "NMBR_X foo", "D12C")
    assert rings == []


def test_after_hang_up_the_next_ring_is_a_new_call() -> None:
    rings = _feed("RING", "NMBR = 13800000001", "RING", "NO CARRIER",
                  "RING", "NMBR = 13800000002")
    assert [r.number for r in rings] == ["13800000001", "13800000002"]

"""Long Chinese texts split and encoded as a reference decoder reads them back."""

from __future__ import annotations

from io import StringIO

import pytest
from smspdudecoder.fields import SMSSubmit

from app.telephony.sms import sms_length, split_parts, submit_pdus

SMSC = "0891683108200105F0"  # the decoder wants a service centre; ours is the SIM's ("00")


def decode(pdu_hex: str) -> dict:
    assert pdu_hex.startswith("00")
    return SMSSubmit.decode(StringIO(SMSC + pdu_hex[2:]))


def test_lengths_single_70_concatenated_67():
    assert sms_length("好" * 70).parts == 1
    assert sms_length("好" * 71).parts == 2
    assert sms_length("好" * 134).parts == 2
    assert sms_length("好" * 135).parts == 3
    assert sms_length("好" * 71).per_part == 67
    assert sms_length("𠮷" * 35).units == 70 and sms_length("𠮷" * 35).parts == 1


def test_one_part_message_decodes_to_the_text_and_number():
    text = "【海信售后】张先生您好，您的报修已登记，单号C2612-0001。回TD退订"
    [pdu] = submit_pdus("13812345678", text, 1)
    decoded = decode(pdu.hex)
    assert decoded["recipient"]["number"] == "8613812345678"
    assert decoded["dcs"]["encoding"] == "ucs2"
    assert decoded["user_data"]["data"] == text
    assert pdu.tpdu_length == len(pdu.hex) // 2 - 1


@pytest.mark.parametrize("text", [
    "【海信售后】" + "您的空调已修好，请凭收据到店领取。" * 12,
    "测" * 66 + "𠮷" + "试" * 80,  # a pair at the part boundary stays whole
], ids=["chinese", "pair-at-boundary"])
def test_long_text_is_split_with_udh_and_reassembles(text):
    pdus = submit_pdus("13812345678", text, 201)
    assert len(pdus) == len(split_parts(text)) >= 2
    pieces = []
    for seq, pdu in enumerate(pdus, start=1):
        decoded = decode(pdu.hex)
        assert decoded["header"]["udhi"] is True
        [element] = decoded["user_data"]["header"]["elements"]
        assert element["data"] == {"reference": 201, "parts_count": len(pdus),
                                   "part_number": seq}
        pieces.append(decoded["user_data"]["data"])
        assert len(decoded["user_data"]["data"].encode("utf-16-be")) <= 67 * 2
    assert "".join(pieces) == text


def test_landline_is_a_national_number():
    [pdu] = submit_pdus("075588889999", "测试", 1)
    recipient = decode(pdu.hex)["recipient"]
    assert recipient["number"] == "075588889999"
    assert recipient["toa"]["ton"] != "international"

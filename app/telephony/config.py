"""A workstation's caller-ID set-up (kept per PC by app/ui/settings_store.py), and the sources
it builds. Plain data: the UI reads and writes it, services and tests build sources from it."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from app.telephony.caller_id import CallerIdSource
from app.telephony.modem import INIT_AUTO, ModemSource
from app.telephony.pbx_hook import PbxHookSource, ReplyHandler
from app.telephony.senders import GatewayConfig, GsmModemSender, HttpGatewaySender, Sender


@dataclass(frozen=True)
class TelephonyConfig:
    modem_enabled: bool = False
    modem_port: str = ""  # /dev/ttyUSB0, /dev/ttyACM0, COM3
    modem_baud: int = 9600
    modem_init: str = "auto"  # "auto" = ATZ, ATE0, AT+VCID=1 (AT#CID=1); "" = send nothing
    hook_enabled: bool = False
    hook_host: str = "127.0.0.1"
    hook_port: int = 8765
    hook_secret: str = ""
    sms_mode: str = "none"  # none / modem / http: how this PC sends the store's messages
    sms_port: str = ""
    gateway_url: str = ""
    gateway_body: str = ""  # "" = GatewayConfig's default shape
    gateway_token: str = ""  # sent as Authorization: Bearer <token>
    gateway_status_url: str = ""

    def init_commands(self) -> tuple[str, ...]:
        if self.modem_init.strip().lower() == "auto":
            return INIT_AUTO
        return tuple(c.strip() for c in self.modem_init.split(";") if c.strip())

    def problems(self) -> list[str]:
        """What stops this set-up from working, as English source strings (the UI translates)."""
        out = []
        if self.modem_enabled and not self.modem_port.strip():
            out.append("Choose the serial port of the caller-ID device.")
        if self.hook_enabled and len(self.hook_secret) < 12:
            out.append("The PBX hook needs a shared secret of at least 12 characters.")
        if self.hook_enabled and not 1 <= self.hook_port <= 65535:
            out.append("The PBX hook port must be between 1 and 65535.")
        if self.sms_mode == "modem" and not self.sms_port.strip():
            out.append("Choose the serial port of the GSM modem.")
        if self.sms_mode == "http" and not self.gateway_url.startswith(("http://", "https://")):
            out.append("The SMS gateway address must start with http:// or https://.")
        if self.sms_mode == "http" and self.gateway_body.strip():
            try:
                json.loads(self.gateway_body)
            except ValueError:
                out.append("The gateway request body must be JSON.")
        return out


def build_sender(cfg: TelephonyConfig, sign: str) -> Sender | None:
    """The sender this PC uses for the store's messages; None when it sends none."""
    if cfg.sms_mode == "modem" and cfg.sms_port.strip():
        return GsmModemSender(cfg.sms_port.strip())
    if cfg.sms_mode == "http" and cfg.gateway_url.strip():
        headers = {"Authorization": f"Bearer {cfg.gateway_token}"} if cfg.gateway_token else {}
        gateway = GatewayConfig(url=cfg.gateway_url.strip(), headers=headers,
                                status_url=cfg.gateway_status_url.strip(), sign=sign)
        if cfg.gateway_body.strip():
            gateway = replace(gateway, body=cfg.gateway_body)
        return HttpGatewaySender(gateway)
    return None


def build_sources(cfg: TelephonyConfig, *,
                  on_reply: ReplyHandler | None = None) -> list[CallerIdSource]:
    """The caller-ID sources of this PC; the PBX hook also takes customers' SMS replies
    (POST /sms-reply) when ``on_reply`` is given."""
    sources: list[CallerIdSource] = []
    if cfg.modem_enabled and cfg.modem_port.strip():
        sources.append(ModemSource(cfg.modem_port.strip(), baudrate=cfg.modem_baud,
                                   init=cfg.init_commands()))
    if cfg.hook_enabled and len(cfg.hook_secret) >= 12:
        sources.append(PbxHookSource(cfg.hook_secret, host=cfg.hook_host, port=cfg.hook_port,
                                     on_reply=on_reply))
    return sources

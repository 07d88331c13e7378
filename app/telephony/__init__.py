"""Caller ID at the counter and messages to customers: device plug-ins, no Qt, no cloud.

A *source* (voice modem or caller-ID box on a serial port, a PBX calling a local hook) turns
what the line says into :class:`~app.telephony.caller_id.Ring` events and hands them to one
callback; the UI decides what to show. Everything here runs in background threads.
"""

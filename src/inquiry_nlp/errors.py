"""Errors that stop a command, each with a message that says what to do.

Problems with single messages never raise: they become error records (see
:class:`inquiry_nlp.mail.message.ErrorRecord`) and the batch goes on.
"""
from __future__ import annotations


class InquiryError(Exception):
    """Base class: the message is meant for the user, one line, naming the input and the fix."""


class InputError(InquiryError):
    """An input path or argument cannot be used (missing file, unreadable, bad option)."""

"""A network guard for the kernels of tests/test_offline.py: only loopback connections are allowed.

Python imports ``sitecustomize`` at start-up from the first folder on its path
that has one. The test copies this file as ``sitecustomize.py`` into a
temporary folder and puts that folder first on the kernel's PYTHONPATH; only
under that name does the file install the guard (imported as ``network_guard``,
by pytest's doctest collection for example, it changes nothing). From then on
a connection (``connect``, ``connect_ex``, ``sendto``) or a name lookup
(``getaddrinfo``) for anything but this machine raises :class:`NetworkBlocked`
before any packet is sent, and is written, one line each, to the file named by
``NETWORK_GUARD_LOG``, so that an attempt the notebook catches is still seen.
Unix sockets and loopback addresses (127.0.0.0/8, ::1, "localhost") pass.
"""

import ipaddress
import os
import socket

_LOG = os.environ.get("NETWORK_GUARD_LOG", "")
_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex
_sendto = socket.socket.sendto
_getaddrinfo = socket.getaddrinfo


class NetworkBlocked(OSError):
    """Raised for a connection to anything but this machine."""


def _is_local(host) -> bool:
    if host in (None, "", "localhost", "localhost.localdomain"):
        return True
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


def _check(family, address, what: str) -> None:
    if family == getattr(socket, "AF_UNIX", None) or not isinstance(address, tuple):
        return
    if not _is_local(address[0]):
        if _LOG:
            with open(_LOG, "a", encoding="utf-8") as log:
                log.write(f"{what} {address!r}\n")
        raise NetworkBlocked(f"network access blocked by the offline test: {what} {address!r}")


def _guarded_connect(self, address):
    _check(self.family, address, "connect")
    return _connect(self, address)


def _guarded_connect_ex(self, address):
    _check(self.family, address, "connect_ex")
    return _connect_ex(self, address)


def _guarded_sendto(self, data, *flags_and_address):
    _check(self.family, flags_and_address[-1], "sendto")
    return _sendto(self, data, *flags_and_address)


def _guarded_getaddrinfo(host, *args, **kwargs):
    _check(socket.AF_INET, (host, 0), "getaddrinfo")
    return _getaddrinfo(host, *args, **kwargs)


def install() -> None:
    """Put the guarded functions in place of the socket module's own."""
    socket.socket.connect = _guarded_connect
    socket.socket.connect_ex = _guarded_connect_ex
    socket.socket.sendto = _guarded_sendto
    socket.getaddrinfo = _guarded_getaddrinfo
    # Tells a test that the guard is in place (checked before anything is tried).
    socket.NETWORK_GUARD = True


if __name__ == "sitecustomize":
    install()

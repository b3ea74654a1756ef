"""The live server the browser tests use closes every file it serves, even when the browser hangs up."""
import gc
import socket
import struct
import time
import warnings


def _request_then_reset(address, path):
    """Send a request, then reset the connection (as a browser does when it drops a favicon fetch)."""
    host, port = address.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port))) as connection:
        connection.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
        connection.sendall(b"x" * 64)  # unread bytes make the server drain the socket after its answer
        connection.recv(1)  # the answer has begun: the file is open
        connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def test_a_reset_connection_leaves_no_static_file_open(live_server):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        for _ in range(20):
            _request_then_reset(live_server, "/static/favicon.svg")
        time.sleep(0.5)  # the server's threads finish their answers
        gc.collect()
    unclosed = [str(warning.message) for warning in caught if issubclass(warning.category, ResourceWarning)]
    assert unclosed == []

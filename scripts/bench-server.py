"""Loopback HTTP server for scripts/bench-probe: one epoll loop, no thread per connection, so it keeps up with
10,000 connections arriving at once and the figures measure the client, not this server.

GET /e/N answers 200 "ok" and closes, except when N is a multiple of 5 (20 %): then it reads the request and
never answers, holding the connection until the client gives up. Prints its port on the first line of stdout.
"""
import select
import socket

HANGING_EVERY = 5
RESPONSE = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"

listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listener.bind(("127.0.0.1", 0))
listener.listen(65535)
listener.setblocking(False)
print(listener.getsockname()[1], flush=True)

poller = select.epoll()
poller.register(listener.fileno(), select.EPOLLIN)
connections = {}  # fd -> (socket, bytes received so far)


def close(fd):
    sock, _ = connections.pop(fd)
    poller.unregister(fd)
    sock.close()


while True:
    for fd, _ in poller.poll():
        if fd == listener.fileno():
            while True:
                try:
                    sock, _ = listener.accept()
                except BlockingIOError:
                    break
                sock.setblocking(False)
                connections[sock.fileno()] = (sock, b"")
                poller.register(sock.fileno(), select.EPOLLIN)
            continue
        sock, received = connections[fd]
        try:
            chunk = sock.recv(4096)
        except OSError:
            chunk = b""
        if not chunk:
            close(fd)
            continue
        received += chunk
        if b"\r\n\r\n" not in received:
            connections[fd] = (sock, received)
            continue
        path = received.split(b" ", 2)[1]
        number = int(path.rsplit(b"/", 1)[-1] or b"0")
        if number % HANGING_EVERY == 0:
            connections[fd] = (sock, b"")  # hang: keep the connection, answer nothing
            continue
        try:
            sock.send(RESPONSE)
        except OSError:
            pass
        close(fd)

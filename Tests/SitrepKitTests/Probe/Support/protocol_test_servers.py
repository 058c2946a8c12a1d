"""Servers for the protocol-check tests: real PostgreSQL, Redis and RabbitMQ, an SMTP server, and hostile fakes.

Usage: protocol_test_servers.py WORKDIR CERTDIR

Starts every server on a free loopback port with its data in WORKDIR (CERTDIR holds valid.pem, expiring.pem and
leaf.key for STARTTLS, as probe_test_server.py makes them), prints one JSON line with the ports (and, for a real
server that could not start, why), then serves until stdin closes, when it stops the real servers and exits.
Real servers run as the `postgres` / `redis` / `rabbitmq` users when this runs as root (PostgreSQL refuses root).
"""
import asyncio
import glob
import json
import os
import pwd
import shutil
import signal
import socket
import socketserver
import ssl
import subprocess
import sys
import threading
import time

STOP = threading.Event()
CHILDREN = []


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(predicate, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"{what} did not come up within {seconds} s")


def exchange(port, data, want=1):
    with socket.create_connection(("127.0.0.1", port), timeout=2) as sock:
        sock.sendall(data)
        reply = b""
        while len(reply) < want:
            chunk = sock.recv(4096)
            if not chunk:
                break
            reply += chunk
        return reply


def as_user(user, folder):
    """Command prefix and ownership so a server runs as `user` when we are root."""
    if os.geteuid() != 0:
        return []
    entry = pwd.getpwnam(user)
    for root, dirs, files in os.walk(folder):
        os.chown(root, entry.pw_uid, entry.pw_gid)
        for name in files:
            os.chown(os.path.join(root, name), entry.pw_uid, entry.pw_gid)
    return ["runuser", "-u", user, "--"]


def spawn(command, log, env=None):
    child = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, env=env,
                             start_new_session=True)
    CHILDREN.append(child)
    return child


# --- Real servers ------------------------------------------------------------------------------------------------

def start_postgres(work):
    binaries = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
    if not binaries:
        raise RuntimeError("PostgreSQL is not installed (Debian package postgresql)")
    bin_dir = binaries[-1]
    folder = os.path.join(work, "postgres")
    os.makedirs(folder)
    prefix = as_user("postgres", folder)
    data = os.path.join(folder, "data")
    subprocess.run(prefix + [f"{bin_dir}/initdb", "-D", data, "-U", "sitrep", "--auth=trust", "-E", "UTF8"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port = free_port()
    log = open(os.path.join(folder, "log"), "w")
    spawn(prefix + [f"{bin_dir}/postgres", "-D", data, "-p", str(port), "-c", "listen_addresses=127.0.0.1",
                    "-k", folder, "-c", "fsync=off"], log)
    wait_for(lambda: subprocess.run([f"{bin_dir}/pg_isready", "-h", "127.0.0.1", "-p", str(port)],
                                    stdout=subprocess.DEVNULL).returncode == 0, 30, "PostgreSQL")
    return port


def start_redis(work, name, password=None):
    if not shutil.which("redis-server"):
        raise RuntimeError("redis-server is not installed (Debian package redis-server)")
    folder = os.path.join(work, name)
    os.makedirs(folder)
    port = free_port()
    command = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
               "--dir", folder, "--daemonize", "no"]
    if password:
        command += ["--requirepass", password]
    spawn(as_user("redis", folder) + command, open(os.path.join(folder, "log"), "w"))
    wait_for(lambda: exchange(port, b"PING\r\n").startswith((b"+PONG", b"-NOAUTH")), 20, "Redis")
    return port


def start_rabbitmq(work):
    server = "/usr/lib/rabbitmq/bin/rabbitmq-server"
    if not os.path.exists(server):
        raise RuntimeError("RabbitMQ is not installed (Debian package rabbitmq-server)")
    folder = os.path.join(work, "rabbitmq")
    os.makedirs(folder)
    port, dist, epmd = free_port(), free_port(), free_port()
    enabled_plugins = os.path.join(folder, "enabled_plugins")
    with open(enabled_plugins, "w") as f:
        f.write("[].\n")
    env = dict(os.environ, HOME=folder, RABBITMQ_NODE_PORT=str(port), RABBITMQ_NODE_IP_ADDRESS="127.0.0.1",
               RABBITMQ_DIST_PORT=str(dist), ERL_EPMD_PORT=str(epmd), ERL_EPMD_ADDRESS="127.0.0.1",
               RABBITMQ_NODENAME=f"sitrep-test-{os.getpid()}@localhost", RABBITMQ_BASE=folder,
               RABBITMQ_MNESIA_BASE=os.path.join(folder, "mnesia"), RABBITMQ_LOG_BASE=os.path.join(folder, "log"),
               RABBITMQ_ENABLED_PLUGINS_FILE=enabled_plugins, RABBITMQ_CONFIG_FILE=os.path.join(folder, "none"),
               RABBITMQ_ADVANCED_CONFIG_FILE=os.path.join(folder, "none-advanced.config"),
               RABBITMQ_CONF_ENV_FILE=os.path.join(folder, "none-env.conf"))
    # Our own epmd in the foreground, so it stops with the rest (the one Erlang starts itself is a daemon).
    spawn(["epmd", "-port", str(epmd), "-address", "127.0.0.1"], open(os.path.join(folder, "epmd"), "w"))
    wait_for(lambda: socket.create_connection(("127.0.0.1", epmd), timeout=1).close() is None, 10, "epmd")
    spawn([server], open(os.path.join(folder, "console"), "w"), env=env)
    wait_for(lambda: exchange(port, b"AMQP\x00\x00\x09\x01", want=12)[:1] == b"\x01", 90, "RabbitMQ")
    return port


# --- SMTP --------------------------------------------------------------------------------------------------------

def start_smtp(certs):
    from aiosmtpd.controller import Controller

    class Accept:
        async def handle_DATA(self, server, session, envelope):
            return "250 OK"

    def context(cert):
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(os.path.join(certs, cert), os.path.join(certs, "leaf.key"))
        return ctx

    ports = {}
    for name, tls in [("smtp", None), ("smtp_starttls", "valid.pem"), ("smtp_starttls_expiring", "expiring.pem")]:
        port = free_port()
        controller = Controller(Accept(), hostname="127.0.0.1", port=port,
                                tls_context=context(tls) if tls else None)
        controller.start()
        ports[name] = port
    return ports


# --- Hostile fakes -----------------------------------------------------------------------------------------------

class Fake(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256  # tests open dozens of connections at once; the default backlog of 5 drops SYNs


def fake(behaviour):
    class Handler(socketserver.BaseRequestHandler):
        def handle(self):
            self.request.settimeout(30)
            try:
                behaviour(self.request)
            except OSError:
                pass

    server = Fake(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server.server_address[1]


def silent(sock):
    STOP.wait(30)


def garbage(sock):
    sock.sendall(b"\x15\x03\x01\x00\x02\x02\x50 garbage \xff\xfe\r\n")
    STOP.wait(30)


def early_close(sock):
    sock.close()


def http_speaker(sock):
    sock.recv(4096)
    sock.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")


def echo(sock):
    data = sock.recv(4096)
    sock.sendall(b"ECHO " + data)
    STOP.wait(30)


def banner(sock):
    sock.sendall(b"SSH-2.0-sitrep_fake_1.0\r\n")
    STOP.wait(30)


def drip_postgres(sock):
    # A real AuthenticationMD5Password request, one byte at a time.
    sock.recv(4096)
    for byte in b"R\x00\x00\x00\x0c\x00\x00\x00\x05\x01\x02\x03\x04":
        sock.sendall(bytes([byte]))
        time.sleep(0.02)
    STOP.wait(30)


def postgres_starting(sock):
    sock.recv(4096)
    fields = b"SFATAL\x00VFATAL\x00C57P03\x00Mthe database system is starting up\x00\x00"
    sock.sendall(b"E" + (len(fields) + 4).to_bytes(4, "big") + fields)


def amqp_other_version(sock):
    sock.recv(4096)
    sock.sendall(b"AMQP\x01\x01\x00\x0a")


def smtp_refusing(sock):
    sock.sendall(b"554 no service here\r\n")
    STOP.wait(30)


def redis_loading(sock):
    sock.recv(4096)
    sock.sendall(b"-LOADING Redis is loading the dataset in memory\r\n")
    STOP.wait(30)


def start_fakes():
    return {name: fake(behaviour) for name, behaviour in [
        ("silent", silent), ("garbage", garbage), ("early_close", early_close), ("http", http_speaker),
        ("echo", echo), ("banner", banner), ("drip_postgres", drip_postgres),
        ("postgres_starting", postgres_starting), ("amqp_other_version", amqp_other_version),
        ("smtp_refusing", smtp_refusing), ("redis_loading", redis_loading),
    ]}


def main():
    work, certs = sys.argv[1], sys.argv[2]
    os.chmod(work, 0o755)
    result = {"fakes": start_fakes(), "errors": {}}
    result.update(start_smtp(certs))
    starters = {
        "postgres": lambda: start_postgres(work),
        "redis": lambda: start_redis(work, "redis"),
        "redis_password": lambda: start_redis(work, "redis-password", password="s3cret-pass"),
        "rabbitmq": lambda: start_rabbitmq(work),
    }

    def run(name, starter):
        try:
            result[name] = starter()
        except Exception as problem:  # reported to the tests, which fail (CI) or skip on it
            result["errors"][name] = str(problem)

    threads = [threading.Thread(target=run, args=item) for item in starters.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(json.dumps(result), flush=True)
    try:
        sys.stdin.read()  # returns when the parent closes the pipe or exits
    finally:
        STOP.set()
        for child in CHILDREN:
            try:
                os.killpg(child.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        for child in CHILDREN:
            try:
                child.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(child.pid, signal.SIGKILL)
                child.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

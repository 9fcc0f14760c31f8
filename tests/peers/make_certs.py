#!/usr/bin/python3
"""Writes the certificates WS Inspector's TLS tests need into a folder (python3-cryptography):
  ca.pem/ca.key            a test CA
  good.pem/good.key        127.0.0.1 + localhost, signed by the CA
  expired.pem/.key         signed by the CA, expired yesterday
  wronghost.pem/.key       signed by the CA, for other.example only
  selfsigned.pem/.key      self-signed for 127.0.0.1
  client.pem/client.key    a client certificate signed by the CA (clientAuth)
  client.p12               the same as PKCS#12 with password "secret"
Usage: make_certs.py DIR"""
import datetime
import ipaddress
import os
import sys

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

NOW = datetime.datetime.utcnow()


def name(cn):
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def write(folder, stem, cert, key):
    with open(os.path.join(folder, stem + ".pem"), "wb") as f:
        f.write(cert.public_bytes(serialization.Encoding.PEM))
    with open(os.path.join(folder, stem + ".key"), "wb") as f:
        f.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                  serialization.NoEncryption()))


def issue(cn, sans, issuer_cert, issuer_key, not_before, not_after, client=False, ca=False):
    key = ec.generate_private_key(ec.SECP256R1())
    builder = (x509.CertificateBuilder()
               .subject_name(name(cn))
               .issuer_name(issuer_cert.subject if issuer_cert else name(cn))
               .public_key(key.public_key())
               .serial_number(x509.random_serial_number())
               .not_valid_before(not_before)
               .not_valid_after(not_after)
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if sans:
        builder = builder.add_extension(x509.SubjectAlternativeName(sans), critical=False)
    if not ca:
        usage = ExtendedKeyUsageOID.CLIENT_AUTH if client else ExtendedKeyUsageOID.SERVER_AUTH
        builder = builder.add_extension(x509.ExtendedKeyUsage([usage]), critical=False)
    cert = builder.sign(issuer_key or key, hashes.SHA256())
    return cert, key


def main(folder):
    os.makedirs(folder, exist_ok=True)
    day = datetime.timedelta(days=1)
    local = [x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]
    ca, ca_key = issue("WS Inspector Test CA", None, None, None, NOW - day, NOW + 30 * day, ca=True)
    write(folder, "ca", ca, ca_key)
    write(folder, "good", *issue("127.0.0.1", local, ca, ca_key, NOW - day, NOW + 30 * day))
    write(folder, "expired", *issue("127.0.0.1", local, ca, ca_key, NOW - 30 * day, NOW - day))
    write(folder, "wronghost", *issue("other.example", [x509.DNSName("other.example")], ca, ca_key,
                                      NOW - day, NOW + 30 * day))
    write(folder, "selfsigned", *issue("127.0.0.1", local, None, None, NOW - day, NOW + 30 * day))
    client, client_key = issue("test client", None, ca, ca_key, NOW - day, NOW + 30 * day, client=True)
    write(folder, "client", client, client_key)
    with open(os.path.join(folder, "client.p12"), "wb") as f:
        f.write(pkcs12.serialize_key_and_certificates(
            b"client", client_key, client, None, serialization.BestAvailableEncryption(b"secret")))


if __name__ == "__main__":
    main(sys.argv[1])

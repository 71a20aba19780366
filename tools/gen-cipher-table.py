#!/usr/bin/env python3
# gen-cipher-table.py: build Hoplock's cipher-suite table
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Generate the cipher-suite table Hoplock compiles in.

Reads the suites the system's OpenSSL and GnuTLS know
(``openssl ciphers -V -stdname ALL:COMPLEMENTOFALL:@SECLEVEL=0`` and
``gnutls-cli --list``), merges them by code point with the legacy suites that
current builds no longer ship (they still appear in old Received fields) and the
TLS 1.3 suites, derives every property from the IANA name and checks it against
what OpenSSL and GnuTLS say.  Writes:

  data/ciphers/cipher-suites.tsv   one suite a line, for people
  parser/tls/hl-cipher-table.inc       the suites and a sorted name index, for C
  tests/cipher-spellings.tsv       every name either tool prints, with its code

Run it again after a library update; ``--check`` regenerates into a temporary
directory and fails if the committed files differ.
"""

import argparse
import difflib
import os
import re
import subprocess
import sys
import tempfile

OPENSSL_ARGS = ["ciphers", "-V", "-stdname", "ALL:COMPLEMENTOFALL:@SECLEVEL=0"]
GNUTLS_ARGS = ["--list"]

OUTPUTS = (
    "data/ciphers/cipher-suites.tsv",
    "parser/tls/hl-cipher-table.inc",
    "tests/cipher-spellings.tsv",
)

# The longest name lookup accepts; hl-cipher.c rejects anything longer.
MAX_NAME = 128

# ---------------------------------------------------------------------------
# Suites that are not in the lists of current builds.
#
# Debian's OpenSSL 3 leaves out RC4, DES, 3DES, IDEA, SEED, export and static
# (EC)DH suites, but servers wrote them into trace fields for two decades.
# (code, IANA name, OpenSSL name, minimum protocol, other spellings)
# Names and code points as in the IANA TLS Cipher Suites registry and
# OpenSSL 1.0.2's ssl/s3_lib.c; 0x0060-0x0066 are the never-registered
# "56-bit export" draft suites OpenSSL 0.9.x shipped (the registry reserves
# those code points for them).
LEGACY = [
    (0x0003, "TLS_RSA_EXPORT_WITH_RC4_40_MD5", "EXP-RC4-MD5", "SSL 3.0", []),
    (0x0004, "TLS_RSA_WITH_RC4_128_MD5", "RC4-MD5", "SSL 3.0", ["TLS_RSA_ARCFOUR_MD5"]),
    (0x0005, "TLS_RSA_WITH_RC4_128_SHA", "RC4-SHA", "SSL 3.0", ["TLS_RSA_ARCFOUR_SHA1"]),
    (0x0006, "TLS_RSA_EXPORT_WITH_RC2_CBC_40_MD5", "EXP-RC2-CBC-MD5", "SSL 3.0", []),
    (0x0007, "TLS_RSA_WITH_IDEA_CBC_SHA", "IDEA-CBC-SHA", "SSL 3.0", []),
    (0x0008, "TLS_RSA_EXPORT_WITH_DES40_CBC_SHA", "EXP-DES-CBC-SHA", "SSL 3.0", []),
    (0x0009, "TLS_RSA_WITH_DES_CBC_SHA", "DES-CBC-SHA", "SSL 3.0", []),
    (0x000A, "TLS_RSA_WITH_3DES_EDE_CBC_SHA", "DES-CBC3-SHA", "SSL 3.0", []),
    (0x000B, "TLS_DH_DSS_EXPORT_WITH_DES40_CBC_SHA", "EXP-DH-DSS-DES-CBC-SHA", "SSL 3.0", []),
    (0x000C, "TLS_DH_DSS_WITH_DES_CBC_SHA", "DH-DSS-DES-CBC-SHA", "SSL 3.0", []),
    (0x000D, "TLS_DH_DSS_WITH_3DES_EDE_CBC_SHA", "DH-DSS-DES-CBC3-SHA", "SSL 3.0", []),
    (0x000E, "TLS_DH_RSA_EXPORT_WITH_DES40_CBC_SHA", "EXP-DH-RSA-DES-CBC-SHA", "SSL 3.0", []),
    (0x000F, "TLS_DH_RSA_WITH_DES_CBC_SHA", "DH-RSA-DES-CBC-SHA", "SSL 3.0", []),
    (0x0010, "TLS_DH_RSA_WITH_3DES_EDE_CBC_SHA", "DH-RSA-DES-CBC3-SHA", "SSL 3.0", []),
    (0x0011, "TLS_DHE_DSS_EXPORT_WITH_DES40_CBC_SHA", "EXP-EDH-DSS-DES-CBC-SHA", "SSL 3.0",
     ["EXP-DHE-DSS-DES-CBC-SHA"]),
    (0x0012, "TLS_DHE_DSS_WITH_DES_CBC_SHA", "EDH-DSS-DES-CBC-SHA", "SSL 3.0",
     ["DHE-DSS-DES-CBC-SHA"]),
    (0x0013, "TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA", "EDH-DSS-DES-CBC3-SHA", "SSL 3.0",
     ["DHE-DSS-DES-CBC3-SHA"]),
    (0x0014, "TLS_DHE_RSA_EXPORT_WITH_DES40_CBC_SHA", "EXP-EDH-RSA-DES-CBC-SHA", "SSL 3.0",
     ["EXP-DHE-RSA-DES-CBC-SHA"]),
    (0x0015, "TLS_DHE_RSA_WITH_DES_CBC_SHA", "EDH-RSA-DES-CBC-SHA", "SSL 3.0",
     ["DHE-RSA-DES-CBC-SHA"]),
    (0x0016, "TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA", "EDH-RSA-DES-CBC3-SHA", "SSL 3.0",
     ["DHE-RSA-DES-CBC3-SHA"]),
    (0x0017, "TLS_DH_anon_EXPORT_WITH_RC4_40_MD5", "EXP-ADH-RC4-MD5", "SSL 3.0", []),
    (0x0018, "TLS_DH_anon_WITH_RC4_128_MD5", "ADH-RC4-MD5", "SSL 3.0", []),
    (0x0019, "TLS_DH_anon_EXPORT_WITH_DES40_CBC_SHA", "EXP-ADH-DES-CBC-SHA", "SSL 3.0", []),
    (0x001A, "TLS_DH_anon_WITH_DES_CBC_SHA", "ADH-DES-CBC-SHA", "SSL 3.0", []),
    (0x001B, "TLS_DH_anon_WITH_3DES_EDE_CBC_SHA", "ADH-DES-CBC3-SHA", "SSL 3.0", []),
    (0x0030, "TLS_DH_DSS_WITH_AES_128_CBC_SHA", "DH-DSS-AES128-SHA", "SSL 3.0", []),
    (0x0031, "TLS_DH_RSA_WITH_AES_128_CBC_SHA", "DH-RSA-AES128-SHA", "SSL 3.0", []),
    (0x0036, "TLS_DH_DSS_WITH_AES_256_CBC_SHA", "DH-DSS-AES256-SHA", "SSL 3.0", []),
    (0x0037, "TLS_DH_RSA_WITH_AES_256_CBC_SHA", "DH-RSA-AES256-SHA", "SSL 3.0", []),
    (0x003E, "TLS_DH_DSS_WITH_AES_128_CBC_SHA256", "DH-DSS-AES128-SHA256", "TLS 1.2", []),
    (0x003F, "TLS_DH_RSA_WITH_AES_128_CBC_SHA256", "DH-RSA-AES128-SHA256", "TLS 1.2", []),
    (0x0042, "TLS_DH_DSS_WITH_CAMELLIA_128_CBC_SHA", "DH-DSS-CAMELLIA128-SHA", "SSL 3.0", []),
    (0x0043, "TLS_DH_RSA_WITH_CAMELLIA_128_CBC_SHA", "DH-RSA-CAMELLIA128-SHA", "SSL 3.0", []),
    (0x0060, "TLS_RSA_EXPORT1024_WITH_RC4_56_MD5", "EXP1024-RC4-MD5", "SSL 3.0", []),
    (0x0061, "TLS_RSA_EXPORT1024_WITH_RC2_CBC_56_MD5", "EXP1024-RC2-CBC-MD5", "SSL 3.0", []),
    (0x0062, "TLS_RSA_EXPORT1024_WITH_DES_CBC_SHA", "EXP1024-DES-CBC-SHA", "SSL 3.0", []),
    (0x0063, "TLS_DHE_DSS_EXPORT1024_WITH_DES_CBC_SHA", "EXP1024-DHE-DSS-DES-CBC-SHA",
     "SSL 3.0", []),
    (0x0064, "TLS_RSA_EXPORT1024_WITH_RC4_56_SHA", "EXP1024-RC4-SHA", "SSL 3.0", []),
    (0x0065, "TLS_DHE_DSS_EXPORT1024_WITH_RC4_56_SHA", "EXP1024-DHE-DSS-RC4-SHA", "SSL 3.0", []),
    (0x0066, "TLS_DHE_DSS_WITH_RC4_128_SHA", "DHE-DSS-RC4-SHA", "SSL 3.0", []),
    (0x0068, "TLS_DH_DSS_WITH_AES_256_CBC_SHA256", "DH-DSS-AES256-SHA256", "TLS 1.2", []),
    (0x0069, "TLS_DH_RSA_WITH_AES_256_CBC_SHA256", "DH-RSA-AES256-SHA256", "TLS 1.2", []),
    (0x0085, "TLS_DH_DSS_WITH_CAMELLIA_256_CBC_SHA", "DH-DSS-CAMELLIA256-SHA", "SSL 3.0", []),
    (0x0086, "TLS_DH_RSA_WITH_CAMELLIA_256_CBC_SHA", "DH-RSA-CAMELLIA256-SHA", "SSL 3.0", []),
    (0x008A, "TLS_PSK_WITH_RC4_128_SHA", "PSK-RC4-SHA", "SSL 3.0", []),
    (0x008B, "TLS_PSK_WITH_3DES_EDE_CBC_SHA", "PSK-3DES-EDE-CBC-SHA", "SSL 3.0", []),
    (0x008E, "TLS_DHE_PSK_WITH_RC4_128_SHA", "DHE-PSK-RC4-SHA", "SSL 3.0", []),
    (0x008F, "TLS_DHE_PSK_WITH_3DES_EDE_CBC_SHA", "DHE-PSK-3DES-EDE-CBC-SHA", "SSL 3.0", []),
    (0x0092, "TLS_RSA_PSK_WITH_RC4_128_SHA", "RSA-PSK-RC4-SHA", "SSL 3.0", []),
    (0x0093, "TLS_RSA_PSK_WITH_3DES_EDE_CBC_SHA", "RSA-PSK-3DES-EDE-CBC-SHA", "SSL 3.0", []),
    (0x0096, "TLS_RSA_WITH_SEED_CBC_SHA", "SEED-SHA", "SSL 3.0", []),
    (0x0097, "TLS_DH_DSS_WITH_SEED_CBC_SHA", "DH-DSS-SEED-SHA", "SSL 3.0", []),
    (0x0098, "TLS_DH_RSA_WITH_SEED_CBC_SHA", "DH-RSA-SEED-SHA", "SSL 3.0", []),
    (0x0099, "TLS_DHE_DSS_WITH_SEED_CBC_SHA", "DHE-DSS-SEED-SHA", "SSL 3.0", []),
    (0x009A, "TLS_DHE_RSA_WITH_SEED_CBC_SHA", "DHE-RSA-SEED-SHA", "SSL 3.0", []),
    (0x009B, "TLS_DH_anon_WITH_SEED_CBC_SHA", "ADH-SEED-SHA", "SSL 3.0", []),
    (0x00A0, "TLS_DH_RSA_WITH_AES_128_GCM_SHA256", "DH-RSA-AES128-GCM-SHA256", "TLS 1.2", []),
    (0x00A1, "TLS_DH_RSA_WITH_AES_256_GCM_SHA384", "DH-RSA-AES256-GCM-SHA384", "TLS 1.2", []),
    (0x00A4, "TLS_DH_DSS_WITH_AES_128_GCM_SHA256", "DH-DSS-AES128-GCM-SHA256", "TLS 1.2", []),
    (0x00A5, "TLS_DH_DSS_WITH_AES_256_GCM_SHA384", "DH-DSS-AES256-GCM-SHA384", "TLS 1.2", []),
    (0xC001, "TLS_ECDH_ECDSA_WITH_NULL_SHA", "ECDH-ECDSA-NULL-SHA", "TLS 1.0", []),
    (0xC002, "TLS_ECDH_ECDSA_WITH_RC4_128_SHA", "ECDH-ECDSA-RC4-SHA", "TLS 1.0", []),
    (0xC003, "TLS_ECDH_ECDSA_WITH_3DES_EDE_CBC_SHA", "ECDH-ECDSA-DES-CBC3-SHA", "TLS 1.0", []),
    (0xC004, "TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA", "ECDH-ECDSA-AES128-SHA", "TLS 1.0", []),
    (0xC005, "TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA", "ECDH-ECDSA-AES256-SHA", "TLS 1.0", []),
    (0xC007, "TLS_ECDHE_ECDSA_WITH_RC4_128_SHA", "ECDHE-ECDSA-RC4-SHA", "TLS 1.0", []),
    (0xC008, "TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA", "ECDHE-ECDSA-DES-CBC3-SHA", "TLS 1.0", []),
    (0xC00B, "TLS_ECDH_RSA_WITH_NULL_SHA", "ECDH-RSA-NULL-SHA", "TLS 1.0", []),
    (0xC00C, "TLS_ECDH_RSA_WITH_RC4_128_SHA", "ECDH-RSA-RC4-SHA", "TLS 1.0", []),
    (0xC00D, "TLS_ECDH_RSA_WITH_3DES_EDE_CBC_SHA", "ECDH-RSA-DES-CBC3-SHA", "TLS 1.0", []),
    (0xC00E, "TLS_ECDH_RSA_WITH_AES_128_CBC_SHA", "ECDH-RSA-AES128-SHA", "TLS 1.0", []),
    (0xC00F, "TLS_ECDH_RSA_WITH_AES_256_CBC_SHA", "ECDH-RSA-AES256-SHA", "TLS 1.0", []),
    (0xC011, "TLS_ECDHE_RSA_WITH_RC4_128_SHA", "ECDHE-RSA-RC4-SHA", "TLS 1.0", []),
    (0xC012, "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA", "ECDHE-RSA-DES-CBC3-SHA", "TLS 1.0", []),
    (0xC016, "TLS_ECDH_anon_WITH_RC4_128_SHA", "AECDH-RC4-SHA", "TLS 1.0", []),
    (0xC017, "TLS_ECDH_anon_WITH_3DES_EDE_CBC_SHA", "AECDH-DES-CBC3-SHA", "TLS 1.0", []),
    (0xC01A, "TLS_SRP_SHA_WITH_3DES_EDE_CBC_SHA", "SRP-3DES-EDE-CBC-SHA", "SSL 3.0", []),
    (0xC01B, "TLS_SRP_SHA_RSA_WITH_3DES_EDE_CBC_SHA", "SRP-RSA-3DES-EDE-CBC-SHA", "SSL 3.0", []),
    (0xC01C, "TLS_SRP_SHA_DSS_WITH_3DES_EDE_CBC_SHA", "SRP-DSS-3DES-EDE-CBC-SHA", "SSL 3.0", []),
    (0xC025, "TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA256", "ECDH-ECDSA-AES128-SHA256", "TLS 1.2", []),
    (0xC026, "TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA384", "ECDH-ECDSA-AES256-SHA384", "TLS 1.2", []),
    (0xC029, "TLS_ECDH_RSA_WITH_AES_128_CBC_SHA256", "ECDH-RSA-AES128-SHA256", "TLS 1.2", []),
    (0xC02A, "TLS_ECDH_RSA_WITH_AES_256_CBC_SHA384", "ECDH-RSA-AES256-SHA384", "TLS 1.2", []),
    (0xC02D, "TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256", "ECDH-ECDSA-AES128-GCM-SHA256",
     "TLS 1.2", []),
    (0xC02E, "TLS_ECDH_ECDSA_WITH_AES_256_GCM_SHA384", "ECDH-ECDSA-AES256-GCM-SHA384",
     "TLS 1.2", []),
    (0xC031, "TLS_ECDH_RSA_WITH_AES_128_GCM_SHA256", "ECDH-RSA-AES128-GCM-SHA256", "TLS 1.2", []),
    (0xC032, "TLS_ECDH_RSA_WITH_AES_256_GCM_SHA384", "ECDH-RSA-AES256-GCM-SHA384", "TLS 1.2", []),
    (0xC033, "TLS_ECDHE_PSK_WITH_RC4_128_SHA", "ECDHE-PSK-RC4-SHA", "TLS 1.0", []),
    (0xC034, "TLS_ECDHE_PSK_WITH_3DES_EDE_CBC_SHA", "ECDHE-PSK-3DES-EDE-CBC-SHA", "TLS 1.0", []),
]

# TLS 1.3 (RFC 8446 B.4). OpenSSL and GnuTLS use the IANA names for them;
# LibreSSL prints AEAD-<cipher>-<hash>.
TLS13 = [
    (0x1301, "TLS_AES_128_GCM_SHA256", ["AEAD-AES128-GCM-SHA256"]),
    (0x1302, "TLS_AES_256_GCM_SHA384", ["AEAD-AES256-GCM-SHA384"]),
    (0x1303, "TLS_CHACHA20_POLY1305_SHA256", ["AEAD-CHACHA20-POLY1305-SHA256"]),
    (0x1304, "TLS_AES_128_CCM_SHA256", []),
    (0x1305, "TLS_AES_128_CCM_8_SHA256", []),
]

# Where OpenSSL's -stdname is not the registry's name.
IANA_FIXES = {
    0xC0AA: "TLS_DHE_PSK_WITH_AES_128_CCM_8",   # OpenSSL: TLS_PSK_DHE_WITH_AES_128_CCM_8
    0xC0AB: "TLS_DHE_PSK_WITH_AES_256_CCM_8",   # OpenSSL: TLS_PSK_DHE_WITH_AES_256_CCM_8
}

# Suites only GnuTLS knows whose name does not translate mechanically.
GNUTLS_IANA = {
    0xC102: "TLS_GOSTR341112_256_WITH_28147_CNT_IMIT",   # RFC 9189
}


class GenError(Exception):
    pass


# ---------------------------------------------------------------------------
# The IANA name is the source of truth for a suite's properties.

KX_PARTS = {
    # IANA key-exchange part: (kx, auth)
    "RSA": ("RSA", "RSA"),
    "DH_DSS": ("DH", "DSS"),
    "DH_RSA": ("DH", "RSA"),
    "DHE_DSS": ("DHE", "DSS"),
    "DHE_RSA": ("DHE", "RSA"),
    "DH_anon": ("DH-anon", "anon"),
    "ECDH_ECDSA": ("ECDH", "ECDSA"),
    "ECDH_RSA": ("ECDH", "RSA"),
    "ECDHE_ECDSA": ("ECDHE", "ECDSA"),
    "ECDHE_RSA": ("ECDHE", "RSA"),
    "ECDH_anon": ("ECDH-anon", "anon"),
    "PSK": ("PSK", "PSK"),
    "DHE_PSK": ("DHE-PSK", "PSK"),
    "PSK_DHE": ("DHE-PSK", "PSK"),     # OpenSSL's spelling of 0xC0AA/0xC0AB
    "ECDHE_PSK": ("ECDHE-PSK", "PSK"),
    "RSA_PSK": ("RSA-PSK", "RSA"),
    "SRP_SHA": ("SRP", "SRP"),
    "SRP_SHA_RSA": ("SRP", "RSA"),
    "SRP_SHA_DSS": ("SRP", "DSS"),
    "GOSTR341112_256": ("GOST", "GOST"),
}

# Key exchanges that use a fresh key per connection. Anonymous DH is
# ephemeral too (it is insecure for another reason); TLS 1.3 always is in
# the (EC)DHE modes mail servers use.
FS_KX = {"DHE", "ECDHE", "DHE-PSK", "ECDHE-PSK", "SRP", "DH-anon", "ECDH-anon", "any"}

AEAD_MODES = {"GCM", "CCM", "CCM_8", "POLY1305"}

MAC_NAMES = {"SHA": "SHA1", "SHA256": "SHA256", "SHA384": "SHA384", "MD5": "MD5"}

CIPHER_RE = [
    # regex over the part after _WITH_ -> function(match, export) -> (enc, bits, mode, mac)
    (r"NULL_(SHA|SHA256|SHA384|MD5)", lambda m, e: ("NULL", 0, "none", MAC_NAMES[m[1]])),
    (r"RC4_(40|56|128)_(SHA|MD5)", lambda m, e: ("RC4", int(m[1]), "stream", MAC_NAMES[m[2]])),
    (r"RC2_CBC_(40|56)_(SHA|MD5)", lambda m, e: ("RC2", int(m[1]), "CBC", MAC_NAMES[m[2]])),
    (r"IDEA_CBC_(SHA)", lambda m, e: ("IDEA", 128, "CBC", MAC_NAMES[m[1]])),
    (r"DES40_CBC_(SHA)", lambda m, e: ("DES", 40, "CBC", MAC_NAMES[m[1]])),
    (r"DES_CBC_(SHA)", lambda m, e: ("DES", 56, "CBC", MAC_NAMES[m[1]])),
    (r"3DES_EDE_CBC_(SHA)", lambda m, e: ("3DES", 168, "CBC", MAC_NAMES[m[1]])),
    (r"SEED_CBC_(SHA)", lambda m, e: ("SEED", 128, "CBC", MAC_NAMES[m[1]])),
    (r"(AES|CAMELLIA|ARIA)_(128|256)_CBC_(SHA|SHA256|SHA384)",
     lambda m, e: (m[1], int(m[2]), "CBC", MAC_NAMES[m[3]])),
    (r"(AES|CAMELLIA|ARIA)_(128|256)_GCM_(SHA256|SHA384)",
     lambda m, e: (m[1], int(m[2]), "GCM", "AEAD")),
    (r"(AES)_(128|256)_CCM", lambda m, e: (m[1], int(m[2]), "CCM", "AEAD")),
    (r"(AES)_(128|256)_CCM_8", lambda m, e: (m[1], int(m[2]), "CCM_8", "AEAD")),
    (r"CHACHA20_POLY1305_SHA256", lambda m, e: ("CHACHA20", 256, "POLY1305", "AEAD")),
    (r"28147_CNT_IMIT", lambda m, e: ("GOST28147", 256, "CNT", "GOST28147-IMIT")),
]

TLS13_RE = re.compile(r"^TLS_(AES)_(128|256)_(GCM|CCM|CCM_8)_(SHA256|SHA384)$"
                      r"|^TLS_(CHACHA20)_(POLY1305)_(SHA256)$")


def parse_iana(name):
    """Properties of a suite from its IANA name."""
    m = TLS13_RE.match(name)
    if m:
        if m[1]:
            enc, bits, mode = "AES", int(m[2]), m[3]
        else:
            enc, bits, mode = "CHACHA20", 256, "POLY1305"
        return dict(kx="any", auth="any", enc=enc, bits=bits, mode=mode, mac="AEAD",
                    export=False, tls13=True)
    m = re.match(r"^TLS_(.+?)(?:_(EXPORT1024|EXPORT))?_WITH_(.+)$", name)
    if not m:
        raise GenError("cannot parse IANA name %s" % name)
    kxpart, export, cpart = m[1], m[2], m[3]
    if kxpart not in KX_PARTS:
        raise GenError("unknown key exchange %s in %s" % (kxpart, name))
    kx, auth = KX_PARTS[kxpart]
    for regex, fn in CIPHER_RE:
        cm = re.fullmatch(regex, cpart)
        if cm:
            enc, bits, mode, mac = fn(cm, export)
            break
    else:
        raise GenError("unknown cipher %s in %s" % (cpart, name))
    return dict(kx=kx, auth=auth, enc=enc, bits=bits, mode=mode, mac=mac,
                export=bool(export), tls13=False)


def derive(props):
    props["fs"] = props["kx"] in FS_KX
    props["aead"] = props["mode"] in AEAD_MODES
    return props


def derived_min_protocol(code, props):
    if props["tls13"]:
        return "TLS 1.3"
    if props["aead"] or props["mac"] in ("SHA256", "SHA384"):
        return "TLS 1.2"
    if code <= 0x001B:
        return "SSL 3.0"
    return "TLS 1.0"


# ---------------------------------------------------------------------------
# Cross-checks against what the libraries say.

OSSL_KX = {
    "RSA": {"RSA"}, "DH": {"DHE", "DH", "DH-anon"}, "ECDH": {"ECDHE", "ECDH", "ECDH-anon"},
    "PSK": {"PSK"}, "DHEPSK": {"DHE-PSK"}, "ECDHEPSK": {"ECDHE-PSK"}, "RSAPSK": {"RSA-PSK"},
    "SRP": {"SRP"}, "any": {"any"},
}
OSSL_AU = {"RSA": "RSA", "DSS": "DSS", "ECDSA": "ECDSA", "None": "anon", "PSK": "PSK",
           "SRP": "SRP", "any": "any"}
OSSL_ENC = {
    "AES": ("AES", "CBC"), "AESGCM": ("AES", "GCM"), "AESCCM": ("AES", "CCM"),
    "AESCCM8": ("AES", "CCM_8"), "Camellia": ("CAMELLIA", "CBC"),
    "CamelliaGCM": ("CAMELLIA", "GCM"), "ARIA": ("ARIA", "CBC"), "ARIAGCM": ("ARIA", "GCM"),
    "CHACHA20/POLY1305": ("CHACHA20", "POLY1305"), "3DES": ("3DES", "CBC"),
    "DES": ("DES", "CBC"), "RC4": ("RC4", "stream"), "RC2": ("RC2", "CBC"),
    "IDEA": ("IDEA", "CBC"), "SEED": ("SEED", "CBC"), "None": ("NULL", "none"),
}
OSSL_VERSION = {"SSLv3": "SSL 3.0", "TLSv1": "TLS 1.0", "TLSv1.2": "TLS 1.2",
                "TLSv1.3": "TLS 1.3"}


def check_openssl(code, props, o):
    where = "0x%04X %s (OpenSSL %s)" % (code, o["std"], o["name"])
    if props["kx"] not in OSSL_KX.get(o["kx"], ()):
        raise GenError("%s: Kx=%s but the name says %s" % (where, o["kx"], props["kx"]))
    if OSSL_AU.get(o["au"]) != props["auth"]:
        raise GenError("%s: Au=%s but the name says %s" % (where, o["au"], props["auth"]))
    m = re.fullmatch(r"(.+?)(?:\((\d+)\))?", o["enc"])
    enc, mode = OSSL_ENC.get(m[1], (None, None))
    bits = int(m[2]) if m[2] else 0
    if (enc, mode, bits) != (props["enc"], props["mode"], props["bits"]):
        raise GenError("%s: Enc=%s but the name says %s %s %d"
                       % (where, o["enc"], props["enc"], props["mode"], props["bits"]))
    if o["mac"] != props["mac"]:
        raise GenError("%s: Mac=%s but the name says %s" % (where, o["mac"], props["mac"]))


GNUTLS_KX = [
    # longest first
    ("SRP_SHA_RSA", "SRP", "RSA"), ("SRP_SHA_DSS", "SRP", "DSS"), ("SRP_SHA", "SRP", "SRP"),
    ("ECDHE_ECDSA", "ECDHE", "ECDSA"), ("ECDHE_RSA", "ECDHE", "RSA"),
    ("ECDHE_PSK", "ECDHE-PSK", "PSK"), ("ECDH_ANON", "ECDH-anon", "anon"),
    ("DHE_RSA", "DHE", "RSA"), ("DHE_DSS", "DHE", "DSS"), ("DHE_PSK", "DHE-PSK", "PSK"),
    ("DH_ANON", "DH-anon", "anon"), ("RSA_PSK", "RSA-PSK", "RSA"), ("RSA", "RSA", "RSA"),
    ("PSK", "PSK", "PSK"), ("GOSTR341112_256", "GOST", "GOST"),
]
GNUTLS_KX_IANA = {
    "SRP_SHA_RSA": "SRP_SHA_RSA", "SRP_SHA_DSS": "SRP_SHA_DSS", "SRP_SHA": "SRP_SHA",
    "ECDHE_ECDSA": "ECDHE_ECDSA", "ECDHE_RSA": "ECDHE_RSA", "ECDHE_PSK": "ECDHE_PSK",
    "ECDH_ANON": "ECDH_anon", "DHE_RSA": "DHE_RSA", "DHE_DSS": "DHE_DSS",
    "DHE_PSK": "DHE_PSK", "DH_ANON": "DH_anon", "RSA_PSK": "RSA_PSK", "RSA": "RSA",
    "PSK": "PSK",
}
GNUTLS_CIPHER_RE = re.compile(
    r"^(?:(NULL)|(ARCFOUR)_(128|40)|(3DES)_EDE_CBC|(AES|CAMELLIA|ARIA)_(128|256)_(CBC|GCM)"
    r"|(AES)_(128|256)_(CCM_8|CCM)|(CHACHA20)_POLY1305)(?:_(SHA1|SHA256|SHA384|MD5))?$")


def parse_gnutls(name):
    """(kx, auth, enc, bits, mode, mac, iana-guess) from a GnuTLS suite name."""
    if not name.startswith("TLS_"):
        raise GenError("GnuTLS name %s has no TLS_ prefix" % name)
    rest = name[4:]
    for prefix, kx, auth in GNUTLS_KX:
        if rest.startswith(prefix + "_"):
            rest = rest[len(prefix) + 1:]
            break
    else:
        raise GenError("unknown key exchange in GnuTLS name %s" % name)
    m = GNUTLS_CIPHER_RE.match(rest)
    if not m:
        raise GenError("unknown cipher in GnuTLS name %s" % name)
    mac = m[12]
    if m[1]:
        enc, bits, mode, cipher = "NULL", 0, "none", "NULL"
    elif m[2]:
        enc, bits, mode, cipher = "RC4", int(m[3]), "stream", "RC4_" + m[3]
    elif m[4]:
        enc, bits, mode, cipher = "3DES", 168, "CBC", "3DES_EDE_CBC"
    elif m[5]:
        enc, bits, mode = m[5], int(m[6]), m[7]
        cipher = "%s_%s_%s" % (enc, m[6], mode)
    elif m[8]:
        enc, bits, mode = m[8], int(m[9]), m[10]
        cipher = "%s_%s_%s" % (enc, m[9], mode)
    else:
        enc, bits, mode, cipher = "CHACHA20", 256, "POLY1305", "CHACHA20_POLY1305"
        mac = "SHA256"
    aead = mode in AEAD_MODES
    iana_mac = {"SHA1": "SHA", None: None}.get(mac, mac)
    iana = "TLS_%s_WITH_%s" % (GNUTLS_KX_IANA[prefix], cipher)
    if iana_mac and not mode.startswith("CCM"):
        iana += "_" + iana_mac
    return dict(kx=kx, auth=auth, enc=enc, bits=bits, mode=mode,
                mac="AEAD" if aead else mac), iana


def check_gnutls(code, props, gname):
    if props["tls13"]:
        return
    if code in GNUTLS_IANA:
        return   # GOST: nothing to compare the name with
    g, _ = parse_gnutls(gname)
    for key in ("kx", "auth", "enc", "bits", "mode", "mac"):
        if g[key] != props[key]:
            raise GenError("0x%04X GnuTLS %s: %s=%s but the IANA name says %s"
                           % (code, gname, key, g[key], props[key]))


# ---------------------------------------------------------------------------
# Reading the tools.

def run(argv):
    env = dict(os.environ, LC_ALL="C", LANG="C")
    try:
        res = subprocess.run(argv, env=env, check=True, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, universal_newlines=True)
    except FileNotFoundError:
        raise GenError("%s not found" % argv[0])
    except subprocess.CalledProcessError as e:
        raise GenError("%s failed: %s" % (" ".join(argv), e.stderr.strip()))
    return res.stdout


OPENSSL_LINE = re.compile(
    r"^\s*0x([0-9A-Fa-f]{2}),0x([0-9A-Fa-f]{2})\s+-\s+(\S+)\s+-\s+(\S+)\s+(\S+)"
    r"\s+Kx=(\S+)\s+Au=(\S+)\s+Enc=(\S+)\s+Mac=(\S+)\s*$")


def read_openssl(binary):
    out = run([binary] + OPENSSL_ARGS)
    suites = {}
    for line in out.splitlines():
        if not line.strip():
            continue
        m = OPENSSL_LINE.match(line)
        if not m:
            raise GenError("cannot read OpenSSL line: %r" % line)
        code = int(m[1] + m[2], 16)
        if code in suites:
            raise GenError("OpenSSL lists 0x%04X twice" % code)
        suites[code] = dict(std=m[3], name=m[4], version=m[5], kx=m[6], au=m[7],
                            enc=m[8], mac=m[9])
    if not suites:
        raise GenError("OpenSSL listed no suites")
    version = run([binary, "version"]).split()
    return suites, "OpenSSL " + ".".join(version[1].split(".")[:2])


GNUTLS_LINE = re.compile(r"^(TLS_\S+)\s+0x([0-9a-fA-F]{2}), 0x([0-9a-fA-F]{2})\s+(\S+)\s*$")


def read_gnutls(binary):
    out = run([binary] + GNUTLS_ARGS)
    suites = {}
    lines = out.splitlines()
    try:
        start = lines.index("Cipher suites:") + 1
    except ValueError:
        raise GenError("gnutls-cli --list printed no cipher suites")
    for line in lines[start:]:
        if not line.strip():
            break
        m = GNUTLS_LINE.match(line)
        if not m:
            raise GenError("cannot read GnuTLS line: %r" % line)
        code = int(m[2] + m[3], 16)
        if code in suites:
            raise GenError("GnuTLS lists 0x%04X twice" % code)
        suites[code] = dict(name=m[1], version=m[4])
    if not suites:
        raise GenError("GnuTLS listed no suites")
    version = run([binary, "--version"]).splitlines()[0].split()[-1]
    return suites, "GnuTLS " + ".".join(version.split(".")[:2])


GNUTLS_VERSION = {"SSL3.0": "SSL 3.0", "TLS1.0": "TLS 1.0", "TLS1.2": "TLS 1.2",
                  "TLS1.3": "TLS 1.3"}


# ---------------------------------------------------------------------------
# Merging.

def normalize(name):
    """The form hl-cipher.c searches for: upper case, '-' as '_'."""
    return name.upper().replace("-", "_")


def build(ossl, gnu):
    entries = {}

    def entry(code):
        return entries.setdefault(code, dict(code=code, iana=None, openssl=None, gnutls=None,
                                             min_protocol=None, aliases=set(), sources=set()))

    for code, iana, oname, minp, aliases in LEGACY:
        e = entry(code)
        e["iana"], e["openssl"], e["min_protocol"] = iana, oname, minp
        e["aliases"].update(aliases)
        e["sources"].add("legacy")
    for code, iana, aliases in TLS13:
        e = entry(code)
        e["iana"], e["openssl"], e["min_protocol"] = iana, iana, "TLS 1.3"
        e["aliases"].update(aliases)
        e["sources"].add("rfc8446")
    for code, o in sorted(ossl.items()):
        e = entry(code)
        if e["openssl"] and e["openssl"] != o["name"]:
            e["aliases"].add(e["openssl"])
        e["openssl"] = o["name"]
        std = o["std"] if o["std"] != "(NONE)" else None
        iana = IANA_FIXES.get(code, std)
        if std and std != iana:
            e["aliases"].add(std)
        if iana:
            if e["iana"] and e["iana"] != iana:
                raise GenError("0x%04X: OpenSSL calls it %s, the table %s"
                               % (code, iana, e["iana"]))
            e["iana"] = iana
        if o["version"] not in OSSL_VERSION:
            raise GenError("0x%04X: unknown OpenSSL version %s" % (code, o["version"]))
        e["min_protocol"] = OSSL_VERSION[o["version"]]
        e["sources"].add("openssl")
    for code, g in sorted(gnu.items()):
        e = entry(code)
        e["gnutls"] = g["name"]
        e["sources"].add("gnutls")
        if g["name"] == e["iana"]:
            pass
        elif not e["iana"]:
            if code in GNUTLS_IANA:
                e["iana"] = GNUTLS_IANA[code]
            else:
                e["iana"] = parse_gnutls(g["name"])[1]
        if not e["min_protocol"]:
            if g["version"] not in GNUTLS_VERSION:
                raise GenError("0x%04X: unknown GnuTLS version %s" % (code, g["version"]))
            e["min_protocol"] = GNUTLS_VERSION[g["version"]]

    for code, e in entries.items():
        props = derive(parse_iana(e["iana"]))
        if code in ossl:
            check_openssl(code, props, ossl[code])
        if code in gnu:
            check_gnutls(code, props, gnu[code]["name"])
        if props["tls13"] != (code >> 8 == 0x13):
            raise GenError("0x%04X %s: TLS 1.3 name outside 0x13xx" % (code, e["iana"]))
        e.update(props)
        if not e["min_protocol"]:
            e["min_protocol"] = derived_min_protocol(code, props)
        e["aliases"].discard(e["iana"])
        e["aliases"].discard(e["openssl"])
        e["aliases"].discard(e["gnutls"])
    return [entries[c] for c in sorted(entries)]


def spellings(e):
    """Every spelling of a suite the C index holds (normalised)."""
    names = {e["iana"]}
    for key in ("openssl", "gnutls"):
        if e[key]:
            names.add(e[key])
    names.update(e["aliases"])
    out = set()
    for n in names:
        n = normalize(n)
        out.add(n)
        # GnuTLS drops its TLS_ prefix in gnutls_cipher_suite_get_name(), which
        # is what Exim up to 4.92 writes.
        if e["gnutls"] and n == normalize(e["gnutls"]) and n.startswith("TLS_"):
            out.add(n[4:])
    return out


def build_index(entries):
    index = {}
    for i, e in enumerate(entries):
        for n in spellings(e):
            if len(n) > MAX_NAME:
                raise GenError("%s is longer than %d bytes" % (n, MAX_NAME))
            # hl-cipher.c rewrites these before it searches, so the index must
            # not hold them.
            if n.startswith("SSL_") or n.startswith("TLS13_") or re.search(r"_P(256|384|521)$", n):
                raise GenError("%s clashes with a rewrite rule of the lookup" % n)
            if not re.fullmatch(r"[A-Z0-9_]+", n):
                raise GenError("%s has characters the lookup does not keep" % n)
            if n in index and index[n] != i:
                raise GenError("%s names both 0x%04X and 0x%04X"
                               % (n, entries[index[n]]["code"], e["code"]))
            index[n] = i
    return sorted(index.items())


# ---------------------------------------------------------------------------
# Writing.

def cstr(s):
    if s is None:
        return "NULL"
    if not re.fullmatch(r"[A-Za-z0-9_.\- ]*", s):
        raise GenError("unexpected character in %r" % s)
    return '"%s"' % s


def write_tsv(entries, provenance):
    cols = ["code", "iana", "openssl", "gnutls", "kx", "auth", "enc", "enc_bits", "mode",
            "mac", "fs", "aead", "export", "min_protocol", "sources", "aliases"]
    lines = ["# Hoplock cipher-suite table. Generated by tools/gen-cipher-table.py from %s;"
             % provenance,
             "# do not edit. One suite a line; '-' = none. sources: openssl, gnutls, legacy"
             " (older builds), rfc8446.",
             "\t".join(cols)]
    for e in entries:
        row = ["0x%04X" % e["code"], e["iana"], e["openssl"] or "-", e["gnutls"] or "-",
               e["kx"], e["auth"], e["enc"], str(e["bits"]), e["mode"], e["mac"],
               "yes" if e["fs"] else "no", "yes" if e["aead"] else "no",
               "yes" if e["export"] else "no", e["min_protocol"],
               ",".join(sorted(e["sources"])), ",".join(sorted(e["aliases"])) or "-"]
        lines.append("\t".join(row))
    return "\n".join(lines) + "\n"


def write_inc(entries, index, provenance):
    out = []
    out.append("/* hl-cipher-table.inc: the cipher-suite table, included by hl-cipher.c")
    out.append(" *")
    out.append(" * Generated by tools/gen-cipher-table.py from %s; do not edit." % provenance)
    out.append(" * %d suites, sorted by code point; %d spellings in the name index."
               % (len(entries), len(index)))
    out.append(" *")
    out.append(" * SPDX-License-Identifier: GPL-3.0-or-later")
    out.append(" */")
    out.append("")
    out.append("/* code, iana, openssl, gnutls, kx, auth, enc, enc_bits, mode, mac,")
    out.append(" * fs, aead, export_, decomposed, min_protocol */")
    out.append("static const HlCipherSuite hl_cipher_suites[] = {")
    for e in entries:
        out.append("  { 0x%04X, %s, %s, %s," % (e["code"], cstr(e["iana"]), cstr(e["openssl"]),
                                                cstr(e["gnutls"])))
        out.append("    %s, %s, %s, %d, %s, %s, %d, %d, %d, 0, %s },"
                   % (cstr(e["kx"]), cstr(e["auth"]), cstr(e["enc"]), e["bits"],
                      cstr(e["mode"]), cstr(e["mac"]), e["fs"], e["aead"], e["export"],
                      cstr(e["min_protocol"])))
    out.append("};")
    out.append("")
    out.append("/* Every spelling, upper case with '-' as '_', sorted by strcmp(). */")
    out.append("static const HlCipherName hl_cipher_names[] = {")
    for name, i in index:
        out.append("  { %s, %d }," % (cstr(name), i))
    out.append("};")
    return "\n".join(out) + "\n"


def write_spellings(entries, ossl, gnu, provenance):
    rows = set()
    for code, o in ossl.items():
        rows.add((code, "openssl", o["name"]))
        if o["std"] != "(NONE)":
            rows.add((code, "openssl-stdname", o["std"]))
    for code, g in gnu.items():
        rows.add((code, "gnutls", g["name"]))
    for e in entries:
        for a in e["aliases"]:
            rows.add((e["code"], "alias", a))
        rows.add((e["code"], "iana", e["iana"]))
        if e["openssl"] and e["code"] not in ossl:
            rows.add((e["code"], "openssl-legacy", e["openssl"]))
    lines = ["# Every cipher-suite name %s print, and every other spelling in the table,"
             % provenance.replace(" and ", "/"),
             "# with its code point. Generated by tools/gen-cipher-table.py; read by"
             " tests/cipher.c.",
             "name\tcode\tsource"]
    for code, source, name in sorted(rows):
        lines.append("%s\t0x%04X\t%s" % (name, code, source))
    return "\n".join(lines) + "\n"


def generate(args):
    ossl, ossl_ver = read_openssl(args.openssl)
    gnu, gnu_ver = read_gnutls(args.gnutls_cli)
    provenance = "%s and %s" % (ossl_ver, gnu_ver)
    entries = build(ossl, gnu)
    index = build_index(entries)
    return {
        OUTPUTS[0]: write_tsv(entries, provenance),
        OUTPUTS[1]: write_inc(entries, index, provenance),
        OUTPUTS[2]: write_spellings(entries, ossl, gnu, provenance),
    }


def write_files(files, root):
    for rel, text in files.items():
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        tmp = path + ".tmp"
        with open(tmp, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, path)


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--check", action="store_true",
                   help="regenerate into a temporary directory and compare with the committed"
                        " files; exit 1 if they differ")
    p.add_argument("--output-dir", default=root,
                   help="top of the source tree to write into (default: %(default)s)")
    p.add_argument("--openssl", default="openssl", help="openssl binary")
    p.add_argument("--gnutls-cli", default="gnutls-cli", help="gnutls-cli binary")
    args = p.parse_args()

    try:
        files = generate(args)
    except GenError as e:
        print("gen-cipher-table: %s" % e, file=sys.stderr)
        return 2

    if not args.check:
        write_files(files, args.output_dir)
        return 0

    differ = False
    with tempfile.TemporaryDirectory(prefix="hl-cipher-") as tmp:
        write_files(files, tmp)
        for rel in OUTPUTS:
            new_path = os.path.join(tmp, rel)
            old_path = os.path.join(args.output_dir, rel)
            with open(new_path, encoding="utf-8") as f:
                new = f.readlines()
            try:
                with open(old_path, encoding="utf-8") as f:
                    old = f.readlines()
            except FileNotFoundError:
                old = []
            if old != new:
                differ = True
                sys.stdout.writelines(difflib.unified_diff(old, new, "a/" + rel, "b/" + rel))
    if differ:
        print("gen-cipher-table: the committed table is out of date;"
              " run tools/gen-cipher-table.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

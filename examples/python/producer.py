#!/usr/bin/env python3
"""A small Auditline producer: sends a batch of audit events to IngestService.Ingest over mutual TLS.

Run it with a Python that has grpcio and protobuf (on Debian: /usr/bin/python3 with python3-grpcio and
python3-protobuf), after generating the stubs with generate.sh:

    examples/python/generate.sh /tmp/stubs
    /usr/bin/python3 examples/python/producer.py --stubs /tmp/stubs --target localhost:8443 \\
        --ca ca.pem --cert client.pem --key client-key.pem --account acct-1 --count 10

It prints one JSON object on stdout and exits 0 when the RPC succeeded, 1 when it failed:

    {"ok": true, "sent": 10, "accepted": 10, "duplicate": 0, "rejected": 0, "ids": [...], "rejections": []}
    {"ok": false, "sent": 2, "code": "INVALID_ARGUMENT", "message": "...", "violations":
        [{"field": "events[0].id", "description": "...", "reason": "string.uuid"}], "ids": [...]}

With --invalid every event breaks two rules (id is not a UUID, action.type is not a dotted lower-case
path), so a server that validates must answer INVALID_ARGUMENT with google.rpc.BadRequest details.
"""

import argparse
import json
import os
import sys
import uuid

DEFAULT_STUBS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gen")


def parse_args(argv):
    p = argparse.ArgumentParser(
        description="Send audit events to Auditline's IngestService over mutual TLS and print the outcome as JSON.")
    p.add_argument("--target", required=True, help="ingest server address, host:port")
    p.add_argument("--ca", required=True, help="PEM file with the CA certificate(s) that signed the server's certificate")
    p.add_argument("--cert", required=True, help="PEM file with this producer's client certificate (chain)")
    p.add_argument("--key", required=True, help="PEM file with this producer's private key")
    p.add_argument("--account", required=True, help="account id the events belong to")
    p.add_argument("--count", type=int, default=1, help="number of events in the batch (default 1)")
    p.add_argument("--invalid", action="store_true",
                   help="make every event invalid (id not a UUID, malformed action type)")
    p.add_argument("--partial-success", action="store_true",
                   help="ask the server to write the valid events even if others are rejected")
    p.add_argument("--action-type", default="zone.settings.update", help="action type (default zone.settings.update)")
    p.add_argument("--zone", default="", help="zone id to put on the events (default none)")
    p.add_argument("--server-name", default=None,
                   help="name to verify in the server's certificate, when it differs from the target host")
    p.add_argument("--timeout", type=float, default=30.0, help="RPC deadline in seconds (default 30)")
    p.add_argument("--stubs", default=os.environ.get("AUDITLINE_PY_STUBS", DEFAULT_STUBS),
                   help="directory with the stubs from generate.sh (default $AUDITLINE_PY_STUBS or %(default)s)")
    args = p.parse_args(argv)
    if args.count < 1:
        p.error("--count must be at least 1")
    return args


def load_modules(stubs):
    try:
        import grpc  # noqa: F401
        import google.protobuf  # noqa: F401
    except ImportError as e:
        sys.exit(f"producer.py: {e}: this Python ({sys.executable}) lacks grpcio/protobuf; "
                 "on Debian use /usr/bin/python3 with python3-grpcio and python3-protobuf")
    sys.path.insert(0, stubs)
    try:
        from auditline.v1 import audit_event_pb2, ingest_service_pb2, ingest_service_pb2_grpc
    except ImportError as e:
        sys.exit(f"producer.py: cannot import the generated stubs from {stubs} ({e}); run generate.sh first")
    return grpc, audit_event_pb2, ingest_service_pb2, ingest_service_pb2_grpc


def build_events(ev_pb, args):
    events = []
    for i in range(args.count):
        e = ev_pb.AuditEvent(
            id=str(uuid.uuid4()),
            account_id=args.account,
            zone_id=args.zone,
            schema_version=1,
            actor=ev_pb.Actor(
                type=ev_pb.ACTOR_TYPE_USER,
                id="user-42",
                email="producer@example.com",
                user_agent="auditline-python-producer/1",
            ),
            action=ev_pb.Action(
                type=args.action_type,
                description=f"example event {i + 1} of {args.count}",
                result=ev_pb.ACTION_RESULT_SUCCESS,
            ),
            resource=ev_pb.Resource(
                type="zone.settings",
                id=args.zone or f"settings-{i}",
                product="example",
                scope=f"accounts/{args.account}",
            ),
            metadata={"producer": "examples/python"},
        )
        e.action.occurred_at.GetCurrentTime()
        if args.invalid:
            e.id = f"not-a-uuid-{i}"
            e.action.type = "Not A Valid Type"
        events.append(e)
    return events


# --- google.rpc.Status / BadRequest decoding ---------------------------------------------------------
# Debian ships no Python google.rpc protos (googleapis-common-protos) nor grpcio-status, so the few
# messages needed to read the grpc-status-details-bin trailer are declared here, in a private pool.

def _rpc_types():
    from google.protobuf import any_pb2, descriptor_pb2, descriptor_pool, duration_pb2, message_factory

    F = descriptor_pb2.FieldDescriptorProto
    pool = descriptor_pool.DescriptorPool()
    pool.AddSerializedFile(any_pb2.DESCRIPTOR.serialized_pb)
    pool.AddSerializedFile(duration_pb2.DESCRIPTOR.serialized_pb)
    f = descriptor_pb2.FileDescriptorProto(
        name="auditline_examples/google_rpc_subset.proto", package="google.rpc", syntax="proto3",
        dependency=["google/protobuf/any.proto", "google/protobuf/duration.proto"])

    def msg(name, *fields, nested=()):
        m = descriptor_pb2.DescriptorProto(name=name)
        for number, fname, ftype, label, type_name in fields:
            fld = m.field.add(name=fname, number=number, type=ftype, label=label)
            if type_name:
                fld.type_name = type_name
        m.nested_type.extend(nested)
        return m

    opt, rep = F.LABEL_OPTIONAL, F.LABEL_REPEATED
    f.message_type.extend([
        msg("Status", (1, "code", F.TYPE_INT32, opt, None), (2, "message", F.TYPE_STRING, opt, None),
            (3, "details", F.TYPE_MESSAGE, rep, ".google.protobuf.Any")),
        msg("BadRequest", (1, "field_violations", F.TYPE_MESSAGE, rep, ".google.rpc.BadRequest.FieldViolation"),
            nested=[msg("FieldViolation", (1, "field", F.TYPE_STRING, opt, None),
                        (2, "description", F.TYPE_STRING, opt, None), (3, "reason", F.TYPE_STRING, opt, None))]),
        msg("RetryInfo", (1, "retry_delay", F.TYPE_MESSAGE, opt, ".google.protobuf.Duration")),
        msg("ErrorInfo", (1, "reason", F.TYPE_STRING, opt, None), (2, "domain", F.TYPE_STRING, opt, None)),
    ])
    pool.Add(f)
    get = getattr(message_factory, "GetMessageClass", None)
    if get is None:  # protobuf < 4.22
        factory = message_factory.MessageFactory(pool)
        get = factory.GetPrototype
    return {n: get(pool.FindMessageTypeByName("google.rpc." + n))
            for n in ("Status", "BadRequest", "RetryInfo", "ErrorInfo")}


def decode_status_details(trailing_metadata):
    raw = None
    for key, value in trailing_metadata or ():
        if key == "grpc-status-details-bin":
            raw = value
    if raw is None:
        return {}
    types = _rpc_types()
    status = types["Status"].FromString(raw)
    out = {"violations": []}
    for any_msg in status.details:
        name = any_msg.type_url.rsplit("/", 1)[-1]
        if name == "google.rpc.BadRequest":
            for v in types["BadRequest"].FromString(any_msg.value).field_violations:
                out["violations"].append({"field": v.field, "description": v.description, "reason": v.reason})
        elif name == "google.rpc.RetryInfo":
            d = types["RetryInfo"].FromString(any_msg.value).retry_delay
            out["retry_delay_seconds"] = d.seconds + d.nanos / 1e9
        elif name == "google.rpc.ErrorInfo":
            info = types["ErrorInfo"].FromString(any_msg.value)
            out["error_info"] = {"reason": info.reason, "domain": info.domain}
        else:
            out.setdefault("other_details", []).append(name)
    return out


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    grpc, ev_pb, ingest_pb, ingest_grpc = load_modules(args.stubs)

    def read(path):
        with open(path, "rb") as fh:
            return fh.read()

    creds = grpc.ssl_channel_credentials(
        root_certificates=read(args.ca), private_key=read(args.key), certificate_chain=read(args.cert))
    options = [("grpc.ssl_target_name_override", args.server_name)] if args.server_name else []
    events = build_events(ev_pb, args)
    request = ingest_pb.IngestRequest(events=events, partial_success=args.partial_success)
    result = {"sent": len(events), "ids": [e.id for e in events]}

    with grpc.secure_channel(args.target, creds, options=options) as channel:
        stub = ingest_grpc.IngestServiceStub(channel)
        try:
            response = stub.Ingest(request, timeout=args.timeout)
        except grpc.RpcError as err:
            result = {"ok": False, "sent": len(events), "code": err.code().name, "message": err.details() or ""}
            try:
                result.update(decode_status_details(err.trailing_metadata()))
            except Exception as e:  # a malformed trailer must not hide the status itself
                result["details_error"] = repr(e)
            result["ids"] = [e.id for e in events]
            print(json.dumps(result))
            return 1

    outcome_name = ingest_pb.Outcome.Name
    result = {
        "ok": True,
        "sent": len(events),
        "accepted": response.accepted_count,
        "duplicate": response.duplicate_count,
        "rejected": response.rejected_count,
        "ids": [e.id for e in events],
        "rejections": [
            {"index": r.index, "id": r.id, "outcome": outcome_name(r.outcome),
             "violations": [{"field": v.field, "rule": v.rule, "message": v.message} for v in r.violations]}
            for r in response.results if r.outcome == ingest_pb.OUTCOME_REJECTED
        ],
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())

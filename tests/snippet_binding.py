"""Bind each snippet's SageMaker SDK and boto3 calls against the real libraries (run in .venv-snippets).

Reads JSON ``[{"file", "line", "code"}]`` on stdin and prints JSON problems
``[{"file", "line", "message"}]``. No AWS call is made and no credentials are
needed: names are imported, signatures are bound with placeholder values, and
boto3 operations are checked against botocore's service models.

What it follows (deliberately simple, so a snippet that it cannot follow is
written more plainly rather than the checker made cleverer):
- ``import sagemaker.x``, ``from sagemaker.x import Name`` (and boto3);
- ``var = Name(...)`` makes ``var`` an instance of ``Name``;
- ``var = boto3.client("service")`` makes ``var`` a client of that service;
- calls of imported names, of methods on such variables, and of client operations.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import json
import sys
from typing import Any

ROOTS = ("sagemaker", "boto3")


class Instance:
    def __init__(self, cls: Any) -> None:
        self.cls = cls


class Client:
    def __init__(self, service: str) -> None:
        import boto3

        self.service = service
        self.client = boto3.client(service, region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="x")


def _bind(func: Any, call: ast.Call, drop_self: bool) -> str | None:
    if any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords):
        return None
    try:
        signature = inspect.signature(func)
    except (TypeError, ValueError):
        return None
    params = list(signature.parameters.values())
    if drop_self and params and params[0].name in ("self", "cls"):
        signature = signature.replace(parameters=params[1:])
    try:
        signature.bind(*[object()] * len(call.args), **{k.arg: object() for k in call.keywords})
    except TypeError as error:
        return str(error)
    return None


def _client_call(client: Client, method: str, call: ast.Call) -> str | None:
    names = client.client.meta.method_to_api_mapping
    if method not in names:
        if hasattr(client.client, method):
            return None  # waiters, paginators, generate_presigned_url, ...
        return f"boto3 {client.service} client has no method '{method}'"
    model = client.client.meta.service_model.operation_model(names[method])
    shape = model.input_shape
    members = set(shape.members) if shape else set()
    required = set(shape.required_members) if shape else set()
    given = {k.arg for k in call.keywords if k.arg}
    if any(k.arg is None for k in call.keywords) or call.args:
        return None if not call.args else f"{method}() takes keyword arguments only"
    unknown = sorted(given - members)
    if unknown:
        return f"{client.service}.{method}() has no parameter {', '.join(unknown)}"
    missing = sorted(required - given)
    if missing:
        return f"{client.service}.{method}() misses required parameter {', '.join(missing)}"
    return None


def _resolve(node: ast.AST, env: dict[str, Any]) -> Any:
    if isinstance(node, ast.Name):
        return env.get(node.id)
    if isinstance(node, ast.Attribute):
        base = _resolve(node.value, env)
        if base is None or isinstance(base, (Instance, Client)):
            return None
        if inspect.ismodule(base):
            try:
                return getattr(base, node.attr)
            except AttributeError:
                try:
                    return importlib.import_module(f"{base.__name__}.{node.attr}")
                except ImportError:
                    raise LookupError(f"{base.__name__} has no attribute '{node.attr}'") from None
        return getattr(base, node.attr, None)
    return None


def check(code: str) -> list[tuple[int, str]]:
    try:
        tree = ast.parse(code)
    except SyntaxError as error:
        return [(error.lineno or 1, f"syntax error: {error.msg}")]
    env: dict[str, Any] = {}
    problems: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        try:
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.split(".")[0] in ROOTS:
                        module = importlib.import_module(alias.name)
                        env[alias.asname or alias.name.split(".")[0]] = (
                            module if alias.asname else importlib.import_module(alias.name.split(".")[0])
                        )
            elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in ROOTS:
                module = importlib.import_module(node.module)
                for alias in node.names:
                    if not hasattr(module, alias.name):
                        try:
                            importlib.import_module(f"{node.module}.{alias.name}")
                        except ImportError:
                            problems.append((node.lineno, f"cannot import name '{alias.name}' from '{node.module}'"))
                            continue
                    env[alias.asname or alias.name] = getattr(module, alias.name, None) or importlib.import_module(
                        f"{node.module}.{alias.name}"
                    )
        except Exception as error:  # an SDK module that fails to import is the snippet's problem, reported
            problems.append((node.lineno, f"cannot import: {type(error).__name__}: {error}"))
    # a second, ordered pass for assignments and calls (ast.walk is breadth-first)
    for node in sorted(
        (n for n in ast.walk(tree) if isinstance(n, (ast.Assign, ast.Call))), key=lambda n: (n.lineno, n.col_offset)
    ):
        try:
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and len(node.targets) == 1:
                target = node.targets[0]
                func = _resolve(node.value.func, env)
                if isinstance(target, ast.Name):
                    if (
                        func is not None
                        and getattr(func, "__module__", "").startswith("boto3")
                        and getattr(func, "__name__", "") == "client"
                    ):
                        args = node.value.args
                        if args and isinstance(args[0], ast.Constant):
                            env[target.id] = Client(args[0].value)
                    elif inspect.isclass(func):
                        env[target.id] = Instance(func)
            if isinstance(node, ast.Call):
                problems += _check_call(node, env)
        except LookupError as error:
            problems.append((node.lineno, str(error)))
    return problems


def _check_call(call: ast.Call, env: dict[str, Any]) -> list[tuple[int, str]]:
    func = call.func
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        owner = env.get(func.value.id)
        if isinstance(owner, Client):
            message = _client_call(owner, func.attr, call)
            return [(call.lineno, message)] if message else []
        if isinstance(owner, Instance):
            method = inspect.getattr_static(owner.cls, func.attr, None)
            if method is None and func.attr not in getattr(owner.cls, "model_fields", {}):
                return [(call.lineno, f"{owner.cls.__name__} has no method '{func.attr}'")]
            bound = getattr(owner.cls, func.attr, None)
            if callable(bound):
                static = isinstance(method, staticmethod)
                message = _bind(bound, call, drop_self=not static and not isinstance(method, classmethod))
                return [(call.lineno, f"{owner.cls.__name__}.{func.attr}(): {message}")] if message else []
            return []
    target = _resolve(func, env)
    if target is None or not callable(target):
        return []
    if getattr(target, "__module__", "").split(".")[0] not in ROOTS:
        return []
    message = _bind(target, call, drop_self=False)
    name = getattr(target, "__qualname__", getattr(target, "__name__", "call"))
    return [(call.lineno, f"{name}(): {message}")] if message else []


def main() -> int:
    snippets = json.load(sys.stdin)
    out = []
    for snippet in snippets:
        for line, message in check(snippet["code"]):
            out.append({"file": snippet["file"], "line": snippet["line"] + line - 1, "message": message})
    json.dump(out, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())

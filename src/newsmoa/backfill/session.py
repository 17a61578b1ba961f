"""A Spark session for a backfill: local[2] by default, any cluster with a master URL.

Pitfalls this settles (MEASURED.md, Scale-out): workers must run this interpreter
(`PYSPARK_PYTHON`, else they miss the packages), a local session binds to 127.0.0.1
(`SPARK_LOCAL_IP`; not for a cluster, whose executors must reach the driver), and Spark's
console logging is cut to errors. Variables the caller has set are kept. A session that is
already active (a test's, a notebook's, spark-submit's) is used as it is and left running.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

DEFAULT_MASTER = "local[2]"
_LOCAL_CONF = {
    "spark.ui.enabled": "false",
    "spark.driver.memory": "2g",  # the driver JVM is the executor too; its default 1g overflows
    "spark.sql.shuffle.partitions": "8",  # adaptive execution coalesces further
}
_CONF = {
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.execution.arrow.maxRecordsPerBatch": "2000",
}


class SparkMissing(RuntimeError):
    """PySpark is not installed: `pip install 'newsmoa[spark]'`."""


def set_spark_env(*, local: bool = True) -> None:
    """PYSPARK_PYTHON (and, for a local session, SPARK_LOCAL_IP) unless already set."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    if local:
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")


def _log_config() -> str:
    path = resources.files("newsmoa.backfill") / "data" / "log4j2.properties"
    return f"-Dlog4j2.configurationFile=file:{path}"


@contextmanager
def spark_session(
    master: str | None = None, *, conf: dict[str, str] | None = None
) -> Iterator[SparkSession]:
    """Yield a session; stop it afterwards only if it was started here.

    `master`: a Spark master URL ("local[4]", "spark://host:7077", "yarn", "k8s://...").
    Without one, a job started by spark-submit keeps spark-submit's master and any other run
    uses local[2]. An active session wins over `master`.
    """
    submitted = "PYSPARK_GATEWAY_PORT" in os.environ  # the JVM was started by spark-submit
    local = not submitted and (master or DEFAULT_MASTER).startswith("local")
    set_spark_env(local=local)
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise SparkMissing(
            "the Spark engine needs PySpark: pip install 'newsmoa[spark]' (and Java 17+)"
        ) from exc
    active = SparkSession.getActiveSession()
    if active is not None:  # the caller's session, master and all
        yield active
        return
    builder = SparkSession.builder.appName("newsmoa-backfill")
    settings = dict(_CONF)
    if master or not submitted:
        builder = builder.master(master or DEFAULT_MASTER)
    if not submitted:
        settings["spark.driver.extraJavaOptions"] = _log_config()
        if local:
            settings.update(_LOCAL_CONF)
    settings.update(conf or {})
    for key, value in settings.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    try:
        yield spark
    finally:
        spark.stop()

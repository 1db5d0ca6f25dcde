#!/usr/bin/env bash
# Without Ryuk nothing reaps what a crashed test JVM leaves behind: remove it by Testcontainers' label.
# Named images built by the tests (harness/... tags) are removed too; the base image local/jre17:1 stays.
command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1 || exit 0
docker ps -aq --filter label=org.testcontainers=true | xargs -r docker rm -f >/dev/null 2>&1
docker network ls -q --filter label=org.testcontainers=true | xargs -r docker network rm >/dev/null 2>&1
docker images -q --filter label=org.testcontainers=true | xargs -r docker rmi -f >/dev/null 2>&1
exit 0

# syntax=docker/dockerfile:1
# The calico-gitops container image: the command-line tool on a JRE, with git for cloning the fleet repository.
# Used by the scheduled drift audit (CronJob, docker/audit-entrypoint.sh) and by `audit --watch` in a Deployment.
#   docker build -t ghcr.io/calico-gitops/calico-gitops:0.1.0 .
# The release workflow (.github/workflows/release.yml) builds and pushes this on a tag; see docs/release.md.
#
# Base images are pinned by digest (the multi-arch index digest of the tag named beside it), so a rebuild of one
# commit starts from the same bytes; Dependabot (.github/dependabot.yml, ecosystem docker) proposes digest bumps.
# Every RUN fails the build when a step fails: no `|| true`.

FROM maven:3.9-eclipse-temurin-17@sha256:a8746f15d5bb26b5b8bacb056cc76211553850f4c71d16aff845cfa004cbc197 AS build
WORKDIR /src
COPY pom.xml ./
COPY core core
COPY generator generator
COPY auditor auditor
COPY cli cli
COPY templates templates
COPY overlays overlays
COPY sample-repo sample-repo
# A BuildKit cache mount keeps ~/.m2 between builds instead of a `dependency:go-offline` layer, which cannot resolve
# the reactor's own modules and so was allowed to fail. `package` also writes the jar's .sha256 and the SBOM. No
# class-data-sharing archive: it would be made by this stage's JDK and fit only this path, not the runtime stage's JRE.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -DskipTests -Dcalico-gitops.cds.skip=true package \
 && cp cli/target/calico-gitops.jar cli/target/calico-gitops.sbom.json /

FROM eclipse-temurin:17-jre@sha256:13cc28a6cc72a38ce1f00c906be3580c1a3e604b8984d694f369a96742abc93b
# OCI image annotations (https://github.com/opencontainers/image-spec/blob/main/annotations.md). The workflow passes
# the version, the commit and the commit's time (not the build's, so the label is the same on a rebuild).
ARG VERSION=0.1.0-SNAPSHOT
ARG REVISION=unknown
ARG CREATED=1970-01-01T00:00:00Z
LABEL org.opencontainers.image.title="calico-gitops" \
      org.opencontainers.image.description="GitOps for Calico network security: generate, audit, and evidence." \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.source="https://github.com/calico-gitops/calico-gitops" \
      org.opencontainers.image.url="https://github.com/calico-gitops/calico-gitops" \
      org.opencontainers.image.base.name="docker.io/library/eclipse-temurin:17-jre" \
      org.opencontainers.image.base.digest="sha256:13cc28a6cc72a38ce1f00c906be3580c1a3e604b8984d694f369a96742abc93b"
RUN apt-get update \
 && apt-get install -y --no-install-recommends git openssh-client ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --gid 10001 calico-gitops \
 && useradd --uid 10001 --gid 10001 --home-dir /work/home --no-create-home --shell /usr/sbin/nologin calico-gitops \
 && mkdir -p /work && chown 10001:10001 /work
COPY --from=build /calico-gitops.jar /calico-gitops.sbom.json /opt/calico-gitops/
COPY docker/calico-gitops docker/audit-entrypoint.sh /opt/calico-gitops/
ENV PATH="/opt/calico-gitops:${PATH}"
USER 10001:10001
WORKDIR /work
ENTRYPOINT ["/opt/calico-gitops/calico-gitops"]
CMD ["--help"]

# The calico-gitops container image: the command-line tool on a JRE, with git for cloning the fleet repository.
# Used by the scheduled drift audit (CronJob, docker/audit-entrypoint.sh) and by `audit --watch` in a Deployment.
#   docker build -t ghcr.io/<you>/calico-gitops:0.1.0 .
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Dependencies first, so that source edits do not download them again.
COPY pom.xml ./
COPY core/pom.xml core/
COPY generator/pom.xml generator/
COPY auditor/pom.xml auditor/
COPY cli/pom.xml cli/
RUN mvn -B -q -pl cli -am dependency:go-offline || true
COPY core core
COPY generator generator
COPY auditor auditor
COPY cli cli
COPY templates templates
COPY overlays overlays
COPY sample-repo sample-repo
RUN mvn -B -q -DskipTests package && cp cli/target/calico-gitops.jar /calico-gitops.jar

FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends git openssh-client ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --gid 10001 calico-gitops \
 && useradd --uid 10001 --gid 10001 --home-dir /work/home --no-create-home --shell /usr/sbin/nologin calico-gitops \
 && mkdir -p /work && chown 10001:10001 /work
COPY --from=build /calico-gitops.jar /opt/calico-gitops/calico-gitops.jar
COPY docker/calico-gitops docker/audit-entrypoint.sh /opt/calico-gitops/
ENV PATH="/opt/calico-gitops:${PATH}"
USER 10001:10001
WORKDIR /work
ENTRYPOINT ["/opt/calico-gitops/calico-gitops"]
CMD ["--help"]

# The LiteDesk image: one jar; roles control-plane, instance (the default here), backup and restore.
# Build after `./mvnw package`:  docker build -t litedesk/litedesk:local --build-arg BASE_IMAGE=litedesk/jre-base:local .
ARG BASE_IMAGE=eclipse-temurin:25-jre
FROM ${BASE_IMAGE}
WORKDIR /app
COPY app-helidon/target/libs/ /app/libs/
COPY app-helidon/target/litedesk.jar /app/litedesk.jar
RUN mkdir -p /data && chown 65534:65534 /data
ENV LITEDESK_DATA_DIR=/data LITEDESK_PORT=8080 LITEDESK_LOG_FORMAT=json
USER 65534:65534
EXPOSE 8080
VOLUME ["/data"]
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD wget -q -O /dev/null http://127.0.0.1:8080/health || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+UseSerialGC", "-jar", "/app/litedesk.jar"]
CMD ["instance"]

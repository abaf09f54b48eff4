# A small image with the release binary: its Swift runtime and Foundation are linked statically
# and its pricing tables are built in, so the runtime stage needs only glibc and libstdc++. The
# build generates them from pricing/ and docs/schemas/ (docs/generated-code.md), both in the context.
#
#   docker build -t billcast .
#   docker run --rm -v "$PWD:/work" billcast estimate examples/job-posting-analyzer.yaml
FROM swift:6.3-noble AS build
WORKDIR /src
COPY . .
RUN swift build -c release --product billcast --static-swift-stdlib \
 && install -D "$(swift build -c release --show-bin-path)/billcast" /out/billcast \
 && strip /out/billcast

FROM ubuntu:24.04
COPY --from=build /out/billcast /usr/local/bin/billcast
COPY LICENSE /usr/share/doc/billcast/LICENSE
WORKDIR /work
USER 65534:65534
ENTRYPOINT ["billcast"]
CMD ["--help"]

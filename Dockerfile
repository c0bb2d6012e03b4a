# The shipgate GitHub App as a container: `docker build -t shipgate-app .` then
# `docker run -p 3000:3000 -e APP_ID -e PRIVATE_KEY -e WEBHOOK_SECRET shipgate-app`.
# build/app.mjs bundles shipgate's own code and its pure-JS libraries; what it loads at run
# time (Probot, Redis clients, logging, metrics) is container/package.json, locked in
# container/package-lock.json. The npm package `shipgate` is the CLI only and pulls none of it.
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY container ./container
COPY shared ./shared
COPY app ./app
COPY cli ./cli
COPY bin ./bin
COPY schema ./schema
# `npm ci` runs `prepare`, which bundles build/cli.cjs and build/app.mjs.
RUN npm ci --no-audit --no-fund
WORKDIR /src/container
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0 LOG_FORMAT=json
WORKDIR /app
COPY --from=build /src/container/package.json ./
COPY --from=build /src/container/node_modules ./node_modules
COPY --from=build /src/build/app.mjs /src/build/app.mjs.map /src/build/artifact-worker.mjs /src/build/artifact-worker.mjs.map /src/build/app.licenses.txt ./build/
USER node
EXPOSE 3000
CMD ["node", "--enable-source-maps", "build/app.mjs"]

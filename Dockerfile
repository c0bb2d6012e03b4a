# The shipgate GitHub App as a container: `docker build -t shipgate-app .` then
# `docker run -p 3000:3000 -e APP_ID -e PRIVATE_KEY -e WEBHOOK_SECRET shipgate-app`.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY shared ./shared
COPY app ./app
COPY cli ./cli
COPY bin ./bin
COPY schema ./schema
# `npm ci` runs `prepare`, which bundles build/cli.mjs and build/app.mjs.
RUN npm ci && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0 LOG_FORMAT=json
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/build ./build
USER node
EXPOSE 3000
CMD ["node", "build/app.mjs"]

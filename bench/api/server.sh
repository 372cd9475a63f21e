# Sourced by the bench scripts: publishes the API in Release, starts it on loopback on a temp embedded store and signs
# up one user. Sets BASE, DATA, SERVER, EMAIL, PASSWORD and TOKEN; stops the server on exit.
PORT=${PORT:-5080}
BASE=http://127.0.0.1:$PORT
dotnet publish src/BrainBuddy.Api -c Release -o artifacts/bench-api --nologo -v quiet >/dev/null
DATA=$(mktemp -d)
trap 'kill -9 $SERVER 2>/dev/null; rm -rf "$DATA"' EXIT
(cd artifacts/bench-api && ASPNETCORE_ENVIRONMENT=Production BRAINBUDDY_DATA_DIR="$DATA" \
  BRAINBUDDY_JWT_KEY=$(head -c 32 /dev/urandom | base64) \
  BRAINBUDDY_MODEL_KEYS="bench:$(head -c 32 /dev/urandom | base64)" \
  RateLimits__AuthPermitsPerMinute=100000000 RateLimits__UserWritesPerMinute=100000000 RateLimits__IpWritesPerMinute=100000000 \
  Https__Enforce=false \
  Logging__LogLevel__Default=Warning \
  exec dotnet BrainBuddy.Api.dll --urls "$BASE") >"$DATA/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 150); do curl -fs "$BASE/health/ready" >/dev/null && break; sleep 0.2; done

EMAIL="bench-$RANDOM@example.com"
PASSWORD="correct horse battery staple"
curl -fs -X POST -H 'content-type: application/json' -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/auth/register" >/dev/null
TOKEN=$(curl -fs -X POST -H 'content-type: application/json' -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/auth/login" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')

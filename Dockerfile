# Build and run the API. Not exercised in this repository's CI (no Docker engine there); see README.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/BrainBuddy.Api -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# Audio needs no native libraries; the ML.NET trainers used are managed code.
ENV ASPNETCORE_URLS=http://+:8080 BRAINBUDDY_DATA_DIR=/data
VOLUME /data
EXPOSE 8080
USER app
ENTRYPOINT ["dotnet", "BrainBuddy.Api.dll"]

# syntax=docker/dockerfile:1
# The Advocacy host: one image for the app and for its migrations (`--migrate-only`).
#   docker build -t advocacy .
#   docker run --rm -e ConnectionStrings__Advocacy="Host=…;Database=advocacy;Username=…;Password=…" advocacy --migrate-only
#   docker run -p 8080:8080 -e ConnectionStrings__Advocacy="…" advocacy

# Only the project files, in their folders: restore below is redone only when one of them changes.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS project-files
WORKDIR /src
COPY src/ src/
RUN find src -type f ! -name '*.csproj' -delete

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY --from=project-files /src/src/ src/
RUN dotnet restore src/Host/Advocacy.Host.csproj
COPY src/ src/
RUN dotnet publish src/Host/Advocacy.Host.csproj -c Release --no-restore -o /app/publish -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app/publish .
# The base image's ASPNETCORE_HTTP_PORTS is cleared so ASPNETCORE_URLS alone decides, without a warning.
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_HTTP_PORTS=
EXPOSE 8080
# The image's non-root `app` user.
USER $APP_UID
ENTRYPOINT ["dotnet", "Advocacy.Host.dll"]

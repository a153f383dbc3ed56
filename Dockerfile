# Production image of ZohoJira: build with the .NET SDK, run on the ASP.NET Core runtime as a non-root user.
#   docker build -t zohojira .
#   docker run -p 8080:8080 -v zohojira-data:/data -e Auth__Admin__UserName=admin -e Auth__Admin__Password=... zohojira
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props BannedSymbols.txt .editorconfig ZohoJira.sln ./
COPY build/ build/
COPY ZohoJira.Core/ZohoJira.Core.csproj ZohoJira.Core/
COPY ZohoJira.Sandbox/ZohoJira.Sandbox.csproj ZohoJira.Sandbox/
COPY ZohoJira.Web/ZohoJira.Web.csproj ZohoJira.Web/
RUN dotnet restore ZohoJira.Web/ZohoJira.Web.csproj
COPY ZohoJira.Core/ ZohoJira.Core/
COPY ZohoJira.Sandbox/ ZohoJira.Sandbox/
COPY ZohoJira.Web/ ZohoJira.Web/
RUN dotnet publish ZohoJira.Web/ZohoJira.Web.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The image's non-root "app" user owns the data folder (SQLite file; not used on PostgreSQL).
RUN mkdir -p /data && chown app:app /data
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Database__DataDirectory=/data
VOLUME ["/data"]
EXPOSE 8080
USER app
ENTRYPOINT ["dotnet", "ZohoJira.Web.dll"]

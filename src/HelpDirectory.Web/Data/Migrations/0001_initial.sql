-- 0001: the initial schema (generated with print-schema from the model, then reviewed).
CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);


CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);


CREATE TABLE "CrisisLines" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CrisisLines" PRIMARY KEY AUTOINCREMENT,
    "RegionCode" TEXT NULL,
    "Name" TEXT NOT NULL,
    "Organization" TEXT NOT NULL,
    "Phone" TEXT NULL,
    "PhoneE164" TEXT NULL,
    "SmsNumber" TEXT NULL,
    "SmsKeyword" TEXT NULL,
    "ChatUrl" TEXT NULL,
    "Website" TEXT NULL,
    "Hours" TEXT NOT NULL,
    "Is24x7" INTEGER NOT NULL,
    "Free" INTEGER NULL,
    "CostNote" TEXT NULL,
    "Languages" TEXT NOT NULL,
    "Audience" TEXT NOT NULL,
    "Confidence" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    "Status" INTEGER NOT NULL,
    "LastVerified" TEXT NULL,
    "Version" INTEGER NOT NULL
);


CREATE TABLE "Organizations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Organizations" PRIMARY KEY AUTOINCREMENT,
    "Key" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "Url" TEXT NULL,
    "Email" TEXT NULL,
    "Version" INTEGER NOT NULL
);


CREATE TABLE "Regions" (
    "Code" TEXT NOT NULL CONSTRAINT "PK_Regions" PRIMARY KEY,
    "CountryCode" TEXT NOT NULL,
    "ParentCode" TEXT NULL,
    "Name" TEXT NOT NULL,
    "Slug" TEXT NOT NULL,
    "TimeZone" TEXT NOT NULL,
    "DefaultLanguages" TEXT NOT NULL,
    "Version" INTEGER NOT NULL
);


CREATE TABLE "Revisions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Revisions" PRIMARY KEY AUTOINCREMENT,
    "EntityType" TEXT NOT NULL,
    "EntityKey" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "By" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "ChangesJson" TEXT NOT NULL,
    "SnapshotJson" TEXT NOT NULL
);


CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Services" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Services" PRIMARY KEY AUTOINCREMENT,
    "Slug" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "OrganizationId" INTEGER NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Description" TEXT NOT NULL,
    "Url" TEXT NULL,
    "Email" TEXT NULL,
    "ChatUrl" TEXT NULL,
    "ContactMethods" INTEGER NOT NULL,
    "TimeZone" TEXT NOT NULL,
    "Is24x7" INTEGER NOT NULL,
    "Cost" INTEGER NOT NULL,
    "CostNote" TEXT NULL,
    "Audiences" INTEGER NOT NULL,
    "Approaches" INTEGER NOT NULL,
    "Status" INTEGER NOT NULL,
    "LastVerified" TEXT NULL,
    "VerifiedBy" TEXT NULL,
    "Source" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Services_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "EmergencyNumbers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_EmergencyNumbers" PRIMARY KEY AUTOINCREMENT,
    "RegionCode" TEXT NOT NULL,
    "Number" TEXT NOT NULL,
    "Use" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    CONSTRAINT "FK_EmergencyNumbers_Regions_RegionCode" FOREIGN KEY ("RegionCode") REFERENCES "Regions" ("Code") ON DELETE CASCADE
);


CREATE TABLE "Reports" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Reports" PRIMARY KEY AUTOINCREMENT,
    "ServiceId" INTEGER NOT NULL,
    "Problem" TEXT NOT NULL,
    "Details" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "HandledBy" TEXT NULL,
    "HandledAt" TEXT NULL,
    "HandledNote" TEXT NULL,
    CONSTRAINT "FK_Reports_Services_ServiceId" FOREIGN KEY ("ServiceId") REFERENCES "Services" ("Id") ON DELETE CASCADE
);


CREATE TABLE "ServiceAreas" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ServiceAreas" PRIMARY KEY AUTOINCREMENT,
    "ServiceId" INTEGER NOT NULL,
    "Scope" INTEGER NOT NULL,
    "CountryCode" TEXT NOT NULL,
    "SubdivisionCode" TEXT NOT NULL,
    CONSTRAINT "FK_ServiceAreas_Services_ServiceId" FOREIGN KEY ("ServiceId") REFERENCES "Services" ("Id") ON DELETE CASCADE
);


CREATE TABLE "ServiceHours" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ServiceHours" PRIMARY KEY AUTOINCREMENT,
    "ServiceId" INTEGER NOT NULL,
    "Day" INTEGER NOT NULL,
    "Opens" TEXT NOT NULL,
    "Closes" TEXT NOT NULL,
    "ClosesAtMidnight" INTEGER NOT NULL,
    CONSTRAINT "FK_ServiceHours_Services_ServiceId" FOREIGN KEY ("ServiceId") REFERENCES "Services" ("Id") ON DELETE CASCADE
);


CREATE TABLE "ServiceLanguages" (
    "ServiceId" INTEGER NOT NULL,
    "Code" TEXT NOT NULL,
    CONSTRAINT "PK_ServiceLanguages" PRIMARY KEY ("ServiceId", "Code"),
    CONSTRAINT "FK_ServiceLanguages_Services_ServiceId" FOREIGN KEY ("ServiceId") REFERENCES "Services" ("Id") ON DELETE CASCADE
);


CREATE TABLE "ServiceLocations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ServiceLocations" PRIMARY KEY AUTOINCREMENT,
    "ServiceId" INTEGER NOT NULL,
    "Name" TEXT NULL,
    "Address1" TEXT NOT NULL,
    "City" TEXT NOT NULL,
    "StateProvince" TEXT NULL,
    "PostalCode" TEXT NULL,
    "Country" TEXT NOT NULL,
    "Latitude" REAL NULL,
    "Longitude" REAL NULL,
    CONSTRAINT "FK_ServiceLocations_Services_ServiceId" FOREIGN KEY ("ServiceId") REFERENCES "Services" ("Id") ON DELETE CASCADE
);


CREATE TABLE "ServicePhones" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ServicePhones" PRIMARY KEY AUTOINCREMENT,
    "ServiceId" INTEGER NOT NULL,
    "Number" TEXT NOT NULL,
    "E164" TEXT NULL,
    "Type" INTEGER NOT NULL,
    "Description" TEXT NULL,
    "SortOrder" INTEGER NOT NULL,
    CONSTRAINT "FK_ServicePhones_Services_ServiceId" FOREIGN KEY ("ServiceId") REFERENCES "Services" ("Id") ON DELETE CASCADE
);


CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");


CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");


CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");


CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");


CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");


CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");


CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");


CREATE INDEX "IX_CrisisLines_RegionCode_Status" ON "CrisisLines" ("RegionCode", "Status");


CREATE INDEX "IX_EmergencyNumbers_RegionCode" ON "EmergencyNumbers" ("RegionCode");


CREATE UNIQUE INDEX "IX_Organizations_Key" ON "Organizations" ("Key");


CREATE UNIQUE INDEX "IX_Regions_CountryCode_Slug" ON "Regions" ("CountryCode", "Slug");


CREATE INDEX "IX_Reports_ServiceId" ON "Reports" ("ServiceId");


CREATE INDEX "IX_Reports_Status_At" ON "Reports" ("Status", "At");


CREATE INDEX "IX_Revisions_EntityType_EntityKey_At" ON "Revisions" ("EntityType", "EntityKey", "At");


CREATE INDEX "IX_ServiceAreas_Scope_CountryCode_SubdivisionCode_ServiceId" ON "ServiceAreas" ("Scope", "CountryCode", "SubdivisionCode", "ServiceId");


CREATE INDEX "IX_ServiceAreas_ServiceId" ON "ServiceAreas" ("ServiceId");


CREATE INDEX "IX_ServiceHours_ServiceId" ON "ServiceHours" ("ServiceId");


CREATE INDEX "IX_ServiceLanguages_Code_ServiceId" ON "ServiceLanguages" ("Code", "ServiceId");


CREATE INDEX "IX_ServiceLocations_ServiceId" ON "ServiceLocations" ("ServiceId");


CREATE INDEX "IX_ServicePhones_ServiceId" ON "ServicePhones" ("ServiceId");


CREATE INDEX "IX_Services_OrganizationId" ON "Services" ("OrganizationId");


CREATE UNIQUE INDEX "IX_Services_Slug" ON "Services" ("Slug");


CREATE INDEX "IX_Services_Status_Kind" ON "Services" ("Status", "Kind");


CREATE INDEX "IX_Services_Status_LastVerified" ON "Services" ("Status", "LastVerified");




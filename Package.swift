// swift-tools-version:6.0
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Shipshape",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "shipshape", targets: ["shipshape"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "FileNames", swiftSettings: strictSettings),
        .target(name: "Manifests", dependencies: ["CYAML", "FileNames"], swiftSettings: strictSettings),
        // libgit2 and libcurl are opened on first use (dlopen), not linked: their system libraries
        // give headers only, so no pkgConfig (whose --libs would link them; both headers are on
        // the compiler's default search path: /usr/include, /usr/include/<multiarch>).
        .systemLibrary(name: "CGit2", providers: [.apt(["libgit2-dev"]), .brew(["libgit2"])]),
        .target(name: "Diffs", swiftSettings: strictSettings),
        .target(name: "Blocking", swiftSettings: strictSettings),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"]), .brew(["zstd"])]),
        .target(name: "Archives", dependencies: ["CZlib", "CZstd"], swiftSettings: strictSettings),
        .target(
            name: "GitKit", dependencies: ["CGit2", "Diffs", "FileNames", "Blocking"], swiftSettings: strictSettings),
        .executableTarget(name: "embed-config", swiftSettings: strictSettings),
        .plugin(name: "EmbedConfig", capability: .buildTool(), dependencies: ["embed-config"]),
        .target(name: "JSONKit", swiftSettings: strictSettings),
        .target(name: "JSONSchema", dependencies: ["JSONKit", "Manifests"], swiftSettings: strictSettings),
        .target(
            name: "Policy",
            dependencies: ["Manifests", "FileNames", "JSONKit", "JSONSchema"],
            swiftSettings: strictSettings,
            plugins: ["EmbedConfig"]
        ),
        .target(
            name: "Kustomize",
            dependencies: ["Manifests", "Policy", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        .target(name: "Fixes", dependencies: ["Manifests", "Policy"], swiftSettings: strictSettings),
        .target(
            name: "Review",
            dependencies: [
                "Policy", "Manifests", "Diffs", "GitKit", "Fixes", "Rendering", "Kustomize", "FileNames", "Upgrades",
                "Vulnerabilities",
            ],
            swiftSettings: strictSettings),
        .systemLibrary(name: "CCurl", providers: [.apt(["libcurl4-openssl-dev"]), .brew(["curl"])]),
        .target(name: "HTTPKit", dependencies: ["CCurl", "Blocking"], swiftSettings: strictSettings),
        .target(
            name: "Forge",
            dependencies: [
                "HTTPKit", "JSONKit",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Upgrades",
            dependencies: [
                "Manifests", "Fixes", "HTTPKit", "FileNames", "GitKit", "Archives",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Vulnerabilities",
            dependencies: [
                "Archives", "HTTPKit", "Upgrades", "Manifests", "Blocking",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        .systemLibrary(name: "CHelm"),
        .target(name: "HelmKit", dependencies: ["CHelm"], swiftSettings: strictSettings),
        .target(
            name: "Rendering",
            dependencies: ["HelmKit", "Manifests", "Policy", "Upgrades", "HTTPKit", "Fixes"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Bot",
            dependencies: [
                "Forge", "Review", "Fixes", "Policy", "Manifests", "GitKit", "Diffs", "HTTPKit", "Upgrades", "HelmKit",
                "Rendering", "FileNames", "Vulnerabilities", "Blocking",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strictSettings,
            plugins: ["EmbedConfig"]
        ),
        .target(
            name: "Dashboard",
            dependencies: [
                "Bot", "Forge", "HTTPKit", "Vulnerabilities",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strictSettings,
            plugins: ["EmbedConfig"]
        ),
        .target(
            name: "Server",
            dependencies: [
                "Bot", "Dashboard", "Forge", "Upgrades", "HelmKit", "Rendering", "GitKit", "HTTPKit", "Policy",
                "Review", "Vulnerabilities",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "shipshape",
            dependencies: [
                "Manifests", "Policy", "Kustomize", "Review", "GitKit", "Diffs", "Fixes", "HTTPKit", "Forge", "Bot",
                "Server", "Upgrades", "FileNames",
                "HelmKit", "Rendering", "Vulnerabilities", "Dashboard",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "shipshapeTests",
            dependencies: ["shipshape", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strictSettings),
        .testTarget(name: "ManifestsTests", dependencies: ["Manifests", "FileNames"], swiftSettings: strictSettings),
        .testTarget(name: "JSONKitTests", dependencies: ["JSONKit"], swiftSettings: strictSettings),
        .testTarget(
            name: "JSONSchemaTests", dependencies: ["JSONSchema", "JSONKit", "Manifests"], swiftSettings: strictSettings
        ),
        .testTarget(name: "FileNamesTests", dependencies: ["FileNames"], swiftSettings: strictSettings),
        .testTarget(
            name: "KustomizeTests",
            dependencies: ["Kustomize", "Manifests", "Policy", "HelmKit", "ShipshapeTesting"],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ShipshapeTesting", dependencies: ["JSONSchema", "JSONKit", "Manifests"],
            exclude: ["git-http-server.py"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "UpgradesTests",
            dependencies: ["Upgrades", "Manifests", "HTTPKit", "Policy", "ShipshapeTesting"],
            exclude: ["Golden"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "HTTPKitTests", dependencies: ["HTTPKit", "ShipshapeTesting"], swiftSettings: strictSettings),
        .testTarget(
            name: "ShipshapeTestingTests", dependencies: ["ShipshapeTesting", "JSONSchema", "JSONKit"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "ForgeTests", dependencies: ["Forge", "HTTPKit", "JSONKit", "ShipshapeTesting"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "Server", "Bot", "Dashboard", "Forge", "HTTPKit", "ShipshapeTesting", "Vulnerabilities",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "DashboardTests",
            dependencies: [
                "Dashboard", "Bot", "Forge", "HTTPKit", "ShipshapeTesting", "Vulnerabilities",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BotTests",
            dependencies: [
                "Bot", "Server", "Forge", "HTTPKit", "Review", "Policy", "GitKit", "Rendering", "HelmKit", "Upgrades",
                "ShipshapeTesting", "Vulnerabilities", "JSONKit",
                .product(name: "Logging", package: "swift-log"), .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            exclude: ["Golden"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ReviewTests",
            dependencies: [
                "Review", "GitKit", "Policy", "Diffs", "Manifests", "Rendering", "HelmKit", "FileNames",
                "ShipshapeTesting", "Vulnerabilities", "Upgrades", "HTTPKit",
            ], swiftSettings: strictSettings),
        .testTarget(
            name: "FixesTests", dependencies: ["Fixes", "Manifests", "Policy", "ShipshapeTesting"], exclude: ["Golden"],
            swiftSettings: strictSettings),
        .testTarget(name: "DiffsTests", dependencies: ["Diffs"], swiftSettings: strictSettings),
        .testTarget(
            name: "RenderingTests",
            dependencies: [
                "Rendering", "HelmKit", "Policy", "Manifests", "Upgrades", "HTTPKit", "Fixes", "ShipshapeTesting",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "VulnerabilitiesTests",
            dependencies: [
                "Vulnerabilities", "Archives", "HTTPKit", "Upgrades", "ShipshapeTesting",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Fixtures", "Golden"],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "ImageTests", dependencies: ["ShipshapeTesting"], swiftSettings: strictSettings),
        .testTarget(
            name: "ArchivesTests", dependencies: ["Archives", "ShipshapeTesting"], swiftSettings: strictSettings),
        .testTarget(
            name: "GitKitTests", dependencies: ["GitKit", "Diffs", "ShipshapeTesting"], swiftSettings: strictSettings),
        .testTarget(
            name: "PolicyTests",
            dependencies: ["Policy", "Manifests", "JSONKit", "JSONSchema", "ShipshapeTesting"],
            exclude: ["Fixtures", "Golden"],
            swiftSettings: strictSettings
        ),
    ]
)

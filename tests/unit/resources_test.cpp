// ResourceReader reports why a site file could not be read as a status (the one ir::GuardedReader
// sets), so writers branch on the reason and never on the wording of the message.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <filesystem>

#include "tests/test_support.h"
#include "writers/resources.h"

namespace fs = std::filesystem;
using namespace blogconv;
using namespace blogconv::writers;

TEST_CASE("FolderResources gives each failure its status") {
    test::TempDir outside;
    test::write_file(outside.path / "secret.png", "secret");
    test::TempDir dir;
    test::write_file(dir.path / "assets/a.png", "png bytes");
    test::write_file(dir.path / "assets/big.png", std::string(100, 'x'));
    fs::create_directories(dir.path / "assets/folder.png");
    fs::create_symlink(outside.path / "secret.png", dir.path / "assets/link.png");
    REQUIRE(::mkfifo((dir.path / "assets/fifo.png").c_str(), 0600) == 0);
    FolderResources files(dir.path, 50);

    struct Case {
        std::string path;
        ResourceStatus status;
        std::string bytes;
    };
    const Case cases[] = {
        {"assets/a.png", ResourceStatus::ok, "png bytes"},
        {"assets/none.png", ResourceStatus::missing, ""},
        {"none/a.png", ResourceStatus::missing, ""},
        {"../secret.png", ResourceStatus::outside_root, ""},
        {"/etc/hostname", ResourceStatus::outside_root, ""},
        {"assets/link.png", ResourceStatus::outside_root, ""},
        {"assets/folder.png", ResourceStatus::not_regular_file, ""},
        {"assets/fifo.png", ResourceStatus::not_regular_file, ""},
        {"assets/big.png", ResourceStatus::too_large, ""},
    };
    for (const auto& c : cases) {
        CAPTURE(c.path);
        ResourceRead r = files.read(c.path);
        CHECK(r.status == c.status);
        CHECK(r.bytes == c.bytes);
        CHECK(r.ok() == (c.status == ResourceStatus::ok));
        CHECK(r.message.empty() == r.ok());
    }
    CHECK(files.read("assets/none.png").message == "no such file");
    CHECK(files.read("assets/big.png").message == "file is larger than the limit of 50 bytes (--max-file-size)");
}

TEST_CASE("read_site_url reports the most telling failure") {
    test::TempDir outside;
    test::write_file(outside.path / "x.png", "secret");
    test::TempDir dir;
    fs::create_directories(dir.path / "2024/p/img");
    fs::create_symlink(outside.path / "x.png", dir.path / "2024/p/img/x.png");
    FolderResources files(dir.path);
    // notes/img/x.png is missing; 2024/p/img/x.png leads outside the site: that is what counts.
    const SiteUrl url = resolve_site_url("img/x.png", {"notes/a.md", "/2024/p/", "", ""});
    FoundResource found = read_site_url(files, url);
    CHECK(found.site_path == "2024/p/img/x.png");
    CHECK(found.read.status == ResourceStatus::outside_root);
}

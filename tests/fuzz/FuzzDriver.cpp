// A mutation driver with libFuzzer's command line, for builds without clang's libFuzzer (GCC, the
// ASan+UBSan preset). It runs every seed, then mutates seeds blindly (no coverage feedback) until
// -runs or -max_total_time is reached. Under a sanitizer the input that crashed is written to
// crash-<n> in the working folder before the process dies.
//   FuzzThing [-runs=N] [-max_total_time=S] [-seed=N] [-max_len=N] [-dict=FILE] CORPUS_DIR_OR_FILE...
// A libFuzzer build (KONBINI_LIBFUZZER=ON, clang) links libFuzzer's own main instead.
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#if defined(__SANITIZE_ADDRESS__)
#define KONBINI_HAS_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KONBINI_HAS_SANITIZER 1
#endif
#endif
#ifdef KONBINI_HAS_SANITIZER
#include <sanitizer/common_interface_defs.h>
#endif

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace {

using Bytes = std::vector<uint8_t>;

Bytes g_current;

void saveCurrentInput()
{
    static int written = 0;
    const std::string name = "crash-" + std::to_string(written++);
    std::ofstream(name, std::ios::binary).write(reinterpret_cast<const char *>(g_current.data()),
                                                std::streamsize(g_current.size()));
    std::fprintf(stderr, "FuzzDriver: the input that crashed (%zu bytes) is in %s\n", g_current.size(), name.c_str());
}

#ifndef KONBINI_HAS_SANITIZER
// Without a sanitizer a crash is a signal: save the input, then die of it as before.
void onCrashSignal(int signal)
{
    saveCurrentInput();
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}
#endif

Bytes readFile(const std::filesystem::path &path)
{
    std::ifstream in(path, std::ios::binary);
    return Bytes(std::istreambuf_iterator<char>(in), {});
}

// libFuzzer's dictionary format: one "token" per line (optionally name="token"), \xNN escapes.
std::vector<Bytes> readDictionary(const std::string &path)
{
    std::vector<Bytes> tokens;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        const size_t open = line.find('"');
        const size_t close = line.rfind('"');
        if (line.empty() || line[0] == '#' || open == std::string::npos || close <= open)
            continue;
        Bytes token;
        for (size_t i = open + 1; i < close; ++i) {
            if (line[i] == '\\' && i + 1 < close && line[i + 1] == 'x' && i + 3 < close) {
                token.push_back(uint8_t(std::stoi(line.substr(i + 2, 2), nullptr, 16)));
                i += 3;
            } else if (line[i] == '\\' && i + 1 < close) {
                token.push_back(uint8_t(line[++i]));
            } else {
                token.push_back(uint8_t(line[i]));
            }
        }
        tokens.push_back(token);
    }
    return tokens;
}

class Mutator
{
public:
    Mutator(uint32_t seed, size_t maxLength, std::vector<Bytes> dictionary)
        : m_random(seed), m_maxLength(maxLength), m_dictionary(std::move(dictionary))
    {
    }

    Bytes mutate(const std::vector<Bytes> &corpus)
    {
        Bytes input = corpus[pick(corpus.size())];
        const size_t steps = 1 + pick(4);
        for (size_t i = 0; i < steps; ++i)
            step(input, corpus);
        if (input.size() > m_maxLength)
            input.resize(m_maxLength);
        return input;
    }

private:
    size_t pick(size_t below) { return below == 0 ? 0 : std::uniform_int_distribution<size_t>(0, below - 1)(m_random); }

    void insert(Bytes &input, const Bytes &piece, size_t times = 1)
    {
        const size_t at = pick(input.size() + 1);
        Bytes block;
        for (size_t i = 0; i < times && block.size() < m_maxLength; ++i)
            block.insert(block.end(), piece.begin(), piece.end());
        input.insert(input.begin() + std::ptrdiff_t(at), block.begin(), block.end());
    }

    void step(Bytes &input, const std::vector<Bytes> &corpus)
    {
        switch (pick(9)) {
        case 0: // flip a bit
            if (!input.empty())
                input[pick(input.size())] ^= uint8_t(1u << pick(8));
            break;
        case 1: // any byte
            if (!input.empty())
                input[pick(input.size())] = uint8_t(pick(256));
            break;
        case 2: // an interesting byte
            if (!input.empty()) {
                static const uint8_t interesting[] = {0, '%', '[', ']', '&', '=', '\'', '"', ':', '\r', '\n', ' ', 0x7f, 0x80, 0xff, '-', '9'};
                input[pick(input.size())] = interesting[pick(sizeof interesting)];
            }
            break;
        case 3: // insert a byte
            insert(input, Bytes{uint8_t(pick(256))});
            break;
        case 4: { // delete a range
            if (input.empty())
                break;
            const size_t from = pick(input.size());
            const size_t length = 1 + pick(std::min<size_t>(input.size() - from, 16));
            input.erase(input.begin() + std::ptrdiff_t(from), input.begin() + std::ptrdiff_t(from + length));
            break;
        }
        case 5: { // repeat a piece of the input, sometimes thousands of times (nesting, long values)
            if (input.empty())
                break;
            const size_t from = pick(input.size());
            const size_t length = 1 + pick(std::min<size_t>(input.size() - from, 8));
            const Bytes piece(input.begin() + std::ptrdiff_t(from), input.begin() + std::ptrdiff_t(from + length));
            insert(input, piece, pick(4) == 0 ? 1 + pick(30'000) : 1 + pick(8));
            break;
        }
        case 6: // a dictionary token, sometimes repeated
            if (!m_dictionary.empty())
                insert(input, m_dictionary[pick(m_dictionary.size())], pick(8) == 0 ? 1 + pick(20'000) : 1);
            break;
        case 7: { // splice in part of another seed
            const Bytes &other = corpus[pick(corpus.size())];
            if (other.empty())
                break;
            const size_t from = pick(other.size());
            insert(input, Bytes(other.begin() + std::ptrdiff_t(from), other.end()));
            break;
        }
        default: // truncate
            if (!input.empty())
                input.resize(pick(input.size()));
            break;
        }
    }

    std::mt19937 m_random;
    size_t m_maxLength;
    std::vector<Bytes> m_dictionary;
};

void run(const Bytes &input)
{
    g_current = input;
    LLVMFuzzerTestOneInput(input.data(), input.size());
}

} // namespace

int main(int argc, char **argv)
{
    long long runs = -1;
    double maxSeconds = 0;
    uint32_t seed = 1;
    size_t maxLength = 128 * 1024;
    std::string dictionaryPath;
    std::vector<Bytes> corpus;
    for (int i = 1; i < argc; ++i) {
        const std::string argument = argv[i];
        auto value = [&](const char *flag) { return argument.substr(std::strlen(flag)); };
        if (argument.rfind("-runs=", 0) == 0)
            runs = std::stoll(value("-runs="));
        else if (argument.rfind("-max_total_time=", 0) == 0)
            maxSeconds = std::stod(value("-max_total_time="));
        else if (argument.rfind("-seed=", 0) == 0)
            seed = uint32_t(std::stoul(value("-seed=")));
        else if (argument.rfind("-max_len=", 0) == 0)
            maxLength = std::stoul(value("-max_len="));
        else if (argument.rfind("-dict=", 0) == 0)
            dictionaryPath = value("-dict=");
        else if (argument.rfind("-", 0) == 0)
            std::fprintf(stderr, "FuzzDriver: ignoring %s\n", argument.c_str());
        else if (std::filesystem::is_directory(argument)) {
            for (const auto &entry : std::filesystem::directory_iterator(argument)) {
                if (entry.is_regular_file())
                    corpus.push_back(readFile(entry.path()));
            }
        } else {
            corpus.push_back(readFile(argument));
        }
    }
#ifdef KONBINI_HAS_SANITIZER
    __sanitizer_set_death_callback(saveCurrentInput);
#else
    for (const int signal : {SIGSEGV, SIGABRT, SIGILL, SIGFPE, SIGTRAP, SIGBUS})
        std::signal(signal, onCrashSignal);
#endif
    if (corpus.empty())
        corpus.push_back({});
    for (const Bytes &input : corpus)
        run(input);
    std::fprintf(stderr, "FuzzDriver: %zu seeds ran\n", corpus.size());

    const auto start = std::chrono::steady_clock::now();
    auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
    if (runs < 0 && maxSeconds <= 0)
        runs = 0;
    Mutator mutator(seed, maxLength, dictionaryPath.empty() ? std::vector<Bytes>{} : readDictionary(dictionaryPath));
    long long executed = 0;
    while ((runs < 0 || executed < runs) && (maxSeconds <= 0 || elapsed() < maxSeconds)) {
        run(mutator.mutate(corpus));
        ++executed;
    }
    std::fprintf(stderr, "FuzzDriver: %lld mutated inputs in %.1f s (%.0f/s), no crash\n", executed, elapsed(),
                 elapsed() > 0 ? double(executed) / elapsed() : 0.0);
    return 0;
}

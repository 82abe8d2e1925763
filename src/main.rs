fn main() {
    samverkan::app::mount();
}

<!-- include start from bgp/neighbor-shutdown.xml.i -->
<leafNode name="shutdown">
  <properties>
    <help>Administratively shutdown this neighbor</help>
    <valueless/>
  </properties>
</leafNode>
<!-- include end -->
